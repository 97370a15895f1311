import type { SearchKind } from "@/lib/server/search";

/** The search page URL for a query, optionally filtered to one kind. */
export function searchHref(slug: string, q: string, kind?: SearchKind): string {
  const params = new URLSearchParams({ q });
  if (kind) params.set("kind", kind);
  return `/w/${slug}/search?${params}`;
}

export const passageHref = (slug: string, articleId: string, position: number) => `/w/${slug}/articles/${articleId}#p-${position}`;
export const claimHref = (slug: string, articleId: string, position: number, claimId: string) =>
  `/w/${slug}/articles/${articleId}?claim=${claimId}#p-${position}`;
export const propositionHref = (slug: string, id: string) => `/w/${slug}/propositions/${id}`;
export const entityHref = (slug: string, name: string) => `/w/${slug}/entities?${new URLSearchParams({ q: name })}`;
export const sourceHref = (slug: string, name: string) => `/w/${slug}/entities?${new URLSearchParams({ tab: "sources", q: name })}`;
