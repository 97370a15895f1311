import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageMember } from "@/lib/auth/session";
import { exportPropositions } from "@/lib/server/exports";
import { exportScopeSchema } from "@/lib/validation/exports";
import { StanceBadge, VerdictBadge, STANCE_META, type StanceValue } from "@/components/propositions/badges";
import { PrintButton } from "@/components/report/print-button";
import { CountingNote } from "@/components/review/counting-note";
import { getReviewSettings } from "@/lib/server/review";
import { reportMatrix } from "@/lib/domain/export/report-matrix";
import type { VerdictKind } from "@/lib/domain/comparison";
import { describeRating } from "@/lib/domain/rating";
import { ratingWords } from "@/components/propositions/rating-words";
import { ANNOTATION_STATUSES, type AnnotationStatus } from "@/lib/domain/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("title") };
}

const STANCES: StanceValue[] = ["SUPPORTS", "REFUTES", "NEUTRAL"];
// Export rows carry the status as a plain string.
const isStatus = (s: string): s is AnnotationStatus => (ANNOTATION_STATUSES as readonly string[]).includes(s);

/** The claim report for people: print it to PDF from the browser; the same data exports as Markdown. */
export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await requirePageMember(slug);
  const tp = await getTranslations("propositions");
  const t = await getTranslations("report");
  const tr = await getTranslations("review");
  const parsed = exportScopeSchema.safeParse(sp);
  if (!parsed.success) {
    return (
      <main className="mx-auto max-w-2xl p-8">
        <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("invalidText", { message: parsed.error.issues[0]?.message ?? "" })}</p>
        <Link href={`/w/${slug}/propositions`} className="mt-4 inline-block text-blue-700 underline">
          {t("goToComparison")}
        </Link>
      </main>
    );
  }
  const [propositions, { countApprovedOnly }] = await Promise.all([exportPropositions(actor, parsed.data), getReviewSettings(actor)]);
  const matrix = reportMatrix(propositions);
  const query = new URLSearchParams(Object.entries(sp).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <main className="mx-auto max-w-4xl bg-white p-8 print:max-w-none print:p-0">
      <div className="mb-6 flex flex-wrap items-center gap-2 print:hidden">
        <Link href={`/w/${slug}/propositions`} className="text-sm text-blue-700 underline">
          {t("back")}
        </Link>
        <div className="ml-auto flex gap-2">
          <a
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
            href={`/api/v1/workspaces/${actor.workspaceId}/exports/markdown?${query}`}
          >
            {t("markdown")}
          </a>
          <PrintButton />
        </div>
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-xs uppercase tracking-wider text-slate-500">{t("kicker", { workspace: actor.workspaceName })}</p>
        <h1 className="text-3xl font-semibold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("generated", { when: new Date().toISOString().slice(0, 16).replace("T", " "), count: propositions.length })}
        </p>
        <CountingNote approvedOnly={countApprovedOnly} className="mt-1" />
      </header>
      {propositions.length === 0 && <p className="mt-8 text-slate-600">{t("empty")}</p>}
      {propositions.map((p) => (
        <section key={p.id} className="mt-8 break-inside-avoid-page" aria-labelledby={`p-${p.id}`}>
          <h2 id={`p-${p.id}`} className="text-xl font-semibold">
            {p.statement}
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <VerdictBadge kind={p.verdict as VerdictKind} />
            {p.claimType && <span className="text-slate-600">{p.claimType}</span>}
            {p.rating && (
              <span className="rounded bg-slate-900 px-2 py-0.5 text-xs font-semibold text-white">
                {tp("page.rating", { rating: describeRating(p.rating, ratingWords(tp)) })}
              </span>
            )}
            {p.rating?.url && (
              <a className="text-xs text-blue-800 underline" href={p.rating.url}>
                {p.rating.date ? t("factCheckOn", { date: p.rating.date }) : t("factCheck")}
              </a>
            )}
          </div>
          <p className="mt-2 text-sm" data-testid="report-sentence">
            {p.verdictSentence}
          </p>
          {STANCES.map((stance) => {
            const items = p.mentions.filter((m) => m.propositions.some((l) => l.id === p.id && l.stance === stance));
            if (!items.length) return null;
            return (
              <div key={stance} className="mt-3">
                <h3 className="text-sm font-semibold">
                  <StanceBadge stance={stance} /> ({items.length})
                </h3>
                <ul className="mt-1 space-y-2">
                  {items.map((m) => (
                    <li
                      key={m.annotationId}
                      className="border-l-4 pl-3 text-sm"
                      style={{ borderColor: stance === "SUPPORTS" ? "#10b981" : stance === "REFUTES" ? "#f43f5e" : "#94a3b8" }}
                    >
                      <blockquote lang={m.language ?? undefined}>“{m.exact}”</blockquote>
                      <p className="text-xs text-slate-600">
                        {m.articleTitle} · {m.publisher ?? t("unknownPublisher")}
                        {m.origins.length > 0 && t("via", { origins: m.origins.join(", ") })}
                        {m.speakers.length > 0 && <> {t("speakers", { count: m.speakers.length, names: m.speakers.map((s) => s.name).join(", ") })}</>} ·{" "}
                        {m.modality.toLowerCase()}
                        {m.publishedAt && <> · {m.publishedAt}</>}
                        {t("origins", { count: m.independentOrigins.length, origins: m.independentOrigins.join("; ") })}
                        {m.orphaned && (
                          <>
                            {" "}
                            · <strong>{t("orphaned")}</strong>
                          </>
                        )}
                        {m.needsReview && (
                          <>
                            {" "}
                            · <strong>{t("needsReview")}</strong>
                          </>
                        )}
                        {countApprovedOnly && m.status !== "APPROVED" && !m.orphaned && !m.needsReview && (
                          <>
                            {" "}
                            · <strong>{t("statusNotCounted", { status: isStatus(m.status) ? tr(`statusLower.${m.status}`) : m.status.toLowerCase() })}</strong>
                          </>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
      {matrix.columns.length > 0 && (
        <section className="mt-10 break-before-page" aria-labelledby="matrix-h">
          <h2 id="matrix-h" className="text-xl font-semibold">
            {t("matrix")}
          </h2>
          <p className="mt-1 text-xs text-slate-600">
            {t("legend", { stances: STANCES.map((s) => `${STANCE_META[s].glyph} ${tp(`stanceLower.${s}`)}`).join(" · ") })}
          </p>
          <table className="mt-2 w-full border-collapse text-xs" data-testid="report-matrix">
            <thead>
              <tr>
                <th className="border border-slate-300 p-1 text-left">{t("proposition")}</th>
                {matrix.columns.map((c) => (
                  <th key={c} className="border border-slate-300 p-1">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.statement}>
                  <th scope="row" className="border border-slate-300 p-1 text-left font-normal">
                    {r.statement}
                  </th>
                  {r.cells.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed column order
                    <td key={i} className="border border-slate-300 p-1 text-center">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
