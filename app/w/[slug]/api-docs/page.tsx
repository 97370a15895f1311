import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { API_BASE_PATH, buildOpenApiDocument, type OpenApiOperation } from "@/lib/api/openapi";
import { JsonDetails, OperationCard } from "./operation-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

// The document's file name, the same in every language.
const SPEC_FILE = "openapi.json";

/** The OpenAPI document, rendered on the server: endpoints grouped by tag. */
export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("apiDocs");
  const doc = buildOpenApiDocument();
  const byTag = new Map<string, { method: string; path: string; op: OpenApiOperation }[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) byTag.get(op.tags[0])?.push({ method, path, op });
  }
  return (
    <main className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
        {doc.info.description.split("\n\n").map((para) => (
          <p key={para} className="text-sm text-slate-700">
            {para}
          </p>
        ))}
        <ul className="list-disc pl-5 text-sm text-slate-700">
          <li>{t.rich("baseUrl", { base: API_BASE_PATH, code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}</li>
          <li>
            {t.rich("workspaceId", {
              param: "{workspaceId}",
              id: actor.workspaceId,
              code: (chunks) => <code>{chunks}</code>,
              value: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
            })}
          </li>
          <li>
            <Link href={`/w/${slug}/settings/api-tokens`} className="text-blue-700 underline">
              {t("createToken")}
            </Link>{" "}
            ·{" "}
            <a href={`${API_BASE_PATH}/${SPEC_FILE}`} className="text-blue-700 underline">
              {SPEC_FILE}
            </a>{" "}
            {t("version", { version: doc.openapi })}
          </li>
        </ul>
        <JsonDetails label={t("errorShape")} value={doc.components.schemas.Error} />
      </header>
      <nav aria-label={t("sections")} className="flex flex-wrap gap-2 text-sm">
        {[...byTag.keys()].map((tag) => (
          <a key={tag} href={`#tag-${tag.replace(/\W+/g, "-")}`} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
            {tag}
          </a>
        ))}
      </nav>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section key={tag} id={`tag-${tag.replace(/\W+/g, "-")}`} aria-labelledby={`h-${tag.replace(/\W+/g, "-")}`} className="space-y-3">
          <h2 id={`h-${tag.replace(/\W+/g, "-")}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {ops.map(({ method, path, op }) => (
            <OperationCard key={`${method} ${path}`} method={method} path={path} op={op} />
          ))}
        </section>
      ))}
    </main>
  );
}
