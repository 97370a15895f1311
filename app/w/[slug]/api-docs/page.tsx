import type { Metadata } from "next";
import Link from "next/link";
import { requirePageMember } from "@/lib/auth/session";
import { API_BASE_PATH, buildOpenApiDocument, type OpenApiOperation } from "@/lib/api/openapi";
import { JsonDetails, OperationCard } from "./operation-card";

export const metadata: Metadata = { title: "REST API" };

/** The OpenAPI document, rendered on the server: endpoints grouped by tag. */
export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageMember(slug);
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
          <li>
            Base URL: <code className="rounded bg-slate-100 px-1">{API_BASE_PATH}</code>
          </li>
          <li>
            This workspace&apos;s id (for <code>{"{workspaceId}"}</code>): <code className="rounded bg-slate-100 px-1">{actor.workspaceId}</code>
          </li>
          <li>
            <Link href={`/w/${slug}/settings/api-tokens`} className="text-blue-700 underline">
              Create an API token
            </Link>{" "}
            ·{" "}
            <a href={`${API_BASE_PATH}/openapi.json`} className="text-blue-700 underline">
              openapi.json
            </a>{" "}
            (OpenAPI {doc.openapi})
          </li>
        </ul>
        <JsonDetails label="Error shape (every 4xx/5xx)" value={doc.components.schemas.Error} />
      </header>
      <nav aria-label="API sections" className="flex flex-wrap gap-2 text-sm">
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
