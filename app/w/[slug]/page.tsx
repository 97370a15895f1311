import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { listArticles } from "@/lib/server/articles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("title") };
}

export default async function ArticlesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string; q?: string }>;
}) {
  const { slug } = await params;
  const { cursor, q } = await searchParams;
  const { actor } = await requirePageMember(slug);
  const { items, nextCursor } = await listArticles(actor, { cursor, q });
  const canImport = actor.role === "OWNER" || actor.role === "EDITOR";
  const t = await getTranslations("articles");
  const format = await getFormatter();
  // Publication dates are calendar days (stored at UTC midnight): shown in the locale's order, dd/mm/yyyy in Vietnamese.
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
  return (
    <main>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not in React's types yet; the role says the same */}
        <form className="ml-auto flex gap-2" role="search" aria-label={t("filter")}>
          <label htmlFor="article-q" className="sr-only">
            {t("filterLabel")}
          </label>
          <input
            id="article-q"
            name="q"
            defaultValue={q}
            placeholder={t("filterPlaceholder")}
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </form>
        {canImport && (
          <Link href={`/w/${slug}/import`} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            {t("import")}
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{q ? t("noMatch", { q }) : t("none")}</p>
          <p className="mt-1 text-sm text-slate-600">{canImport ? t("startHint") : t("editorsImport")}</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("colTitle")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colPublisher")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colOrigins")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colDate")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("colLang")}
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  {t("colParagraphs")}
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  {t("colClaims")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                  <td className="max-w-md px-4 py-2">
                    <Link href={`/w/${slug}/articles/${a.id}`} className="font-medium text-blue-800 hover:underline">
                      {a.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{a.publisher ?? <span className="text-slate-500">—</span>}</td>
                  <td className="px-4 py-2">{a.origins.length ? a.origins.join(", ") : <span className="text-slate-500">—</span>}</td>
                  <td className="whitespace-nowrap px-4 py-2">
                    {a.publishedAt ? <time dateTime={a.publishedAt}>{day(a.publishedAt)}</time> : <span className="text-slate-500">—</span>}
                  </td>
                  <td className="px-4 py-2 uppercase">{a.language ?? "—"}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{format.number(a.passages)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{format.number(a.claims)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4 flex gap-3 text-sm">
        {cursor && (
          <Link className="text-blue-700 underline" href={`/w/${slug}${q ? `?q=${encodeURIComponent(q)}` : ""}`}>
            {t("firstPage")}
          </Link>
        )}
        {nextCursor && (
          <Link className="text-blue-700 underline" href={`/w/${slug}?cursor=${nextCursor}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>
            {t("nextPage")}
          </Link>
        )}
      </div>
    </main>
  );
}
