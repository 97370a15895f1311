"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { findPropositionsAction, linkMentionAction, moveMentionAction, unlinkMentionAction } from "@/lib/actions/propositions";
import type { getProposition } from "@/lib/server/comparison";
import { STANCE_META, type StanceValue } from "./badges";

type Mention = Awaited<ReturnType<typeof getProposition>>["mentions"][number];

/** One mention quoted in its context, with its provenance and stance controls. */
export function MentionCard({
  slug,
  workspaceId,
  propositionId,
  mention,
  canEdit,
}: {
  slug: string;
  workspaceId: string;
  propositionId: string;
  mention: Mention;
  canEdit: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("propositions");
  const tm = useTranslations("reader.modality");
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [targets, setTargets] = useState<{ id: string; statement: string }[]>([]);
  const a = mention.annotation;
  const art = a.passage.article;
  const chars = Array.from(a.passage.text);
  const before = chars.slice(Math.max(0, a.start - 160), a.start).join("");
  const after = chars.slice(a.end, a.end + 160).join("");
  const d = mention.details;
  const stored = (a.fields ?? {}) as { dateValue?: string };
  const details: [string, string][] = [
    ...(d.date
      ? [
          [t("mention.date"), stored.dateValue && stored.dateValue !== d.date ? t("mention.readAs", { date: d.date, stored: stored.dateValue }) : d.date] as [
            string,
            string,
          ],
        ]
      : []),
    ...(d.quantities ?? []).map((q): [string, string] => [t("mention.quantity"), [q.value, q.item].filter(Boolean).join(" ")]),
    ...(d.item ? [[t("mention.item"), d.item] as [string, string]] : []),
    ...(mention.actors.length ? [[t("mention.actors"), mention.actors.map((x) => x.label).join(", ")] as [string, string]] : []),
  ];

  async function act(p: Promise<{ ok: boolean; error?: { message: string } }>) {
    setError(null);
    const r = await p;
    if (!r.ok) setError(r.error!.message);
    else router.refresh();
  }

  return (
    <article className={`rounded-lg border bg-white p-4 ${mention.counted ? "border-slate-200" : "border-dashed border-amber-400"}`} data-testid="mention-card">
      {a.orphaned && <p className="mb-2 text-xs font-medium text-amber-800">{t("mention.orphaned")}</p>}
      {!a.orphaned && a.needsReview && <p className="mb-2 text-xs font-medium text-amber-800">{t("mention.needsReview")}</p>}
      <p className="text-[15px] leading-7" lang={art.language ?? undefined}>
        {a.start > 160 && "…"}
        <span className="text-slate-500">{before}</span>
        <mark className="rounded bg-yellow-100 px-0.5 font-medium text-slate-900">{a.exact}</mark>
        <span className="text-slate-500">{after}</span>
        {a.end + 160 < chars.length && "…"}
      </p>
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt className="text-slate-600">{t("mention.article")}</dt>
          <dd>
            <Link className="text-blue-800 underline" href={`/w/${slug}/articles/${art.id}?claim=${a.id}`}>
              {art.title}
            </Link>
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-slate-600">{t("mention.publisher")}</dt>
          <dd>{art.publisher?.name ?? "—"}</dd>
        </div>
        {art.origins.length > 0 && (
          <div className="flex gap-1">
            <dt className="text-slate-600">{t("mention.origin")}</dt>
            <dd>{art.origins.map((o) => o.source.name).join(", ")}</dd>
          </div>
        )}
        {a.speakers.length > 0 && (
          <div className="flex gap-1">
            <dt className="text-slate-600">{t("mention.speakers", { count: a.speakers.length })}</dt>
            <dd>{a.speakers.map((x) => x.name).join(", ")}</dd>
          </div>
        )}
        <div className="flex gap-1">
          <dt className="text-slate-600">{t("mention.modality")}</dt>
          <dd>{tm(a.modality)}</dd>
        </div>
        {art.publishedAt && (
          <div className="flex gap-1">
            <dt className="text-slate-600">{t("mention.published")}</dt>
            <dd>{art.publishedAt.toISOString().slice(0, 10)}</dd>
          </div>
        )}
        {details.map(([k, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: several counts share the label; the list is fixed
          <div key={`${k}-${i}`} className="flex gap-1">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div className="flex gap-1">
          <dt className="text-slate-600">{t("mention.origins", { count: mention.origins.length })}</dt>
          <dd className="font-medium text-slate-800" data-testid="mention-origin">
            {mention.origins.map((o) => (o.via === "unattributed" ? t("mention.unattributed") : t("mention.via", { path: o.path, via: o.via }))).join("; ")}
          </dd>
        </div>
      </dl>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {canEdit && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <label className="sr-only" htmlFor={`stance-${a.id}`}>
            {t("stanceLegend")}
          </label>
          <select
            id={`stance-${a.id}`}
            value={mention.stance}
            className={`rounded border px-1 py-0.5 text-xs ${STANCE_META[mention.stance].cls}`}
            onChange={(e) => void act(linkMentionAction(workspaceId, { annotationId: a.id, propositionId, stance: e.target.value as StanceValue }))}
          >
            {(["SUPPORTS", "REFUTES", "NEUTRAL"] as const).map((s) => (
              <option key={s} value={s}>
                {STANCE_META[s].glyph} {t(`stance.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="text-xs underline"
            onClick={async () => {
              setMoving(!moving);
              const r = await findPropositionsAction(workspaceId, "");
              setTargets(r.ok ? r.data.filter((p) => p.id !== propositionId) : []);
            }}
          >
            {t("mention.move")}
          </button>
          <button
            type="button"
            className="text-xs text-slate-500 underline"
            onClick={() => void act(unlinkMentionAction(workspaceId, { annotationId: a.id, propositionId }))}
          >
            {t("unlink")}
          </button>
          {moving && (
            <select
              aria-label={t("mention.moveTo")}
              className="max-w-xs rounded border border-slate-300 px-1 py-0.5 text-xs"
              defaultValue=""
              onChange={(e) => e.target.value && void act(moveMentionAction(workspaceId, { annotationId: a.id, fromId: propositionId, toId: e.target.value }))}
            >
              <option value="" disabled>
                {t("choose")}
              </option>
              {targets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.statement.slice(0, 80)}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </article>
  );
}
