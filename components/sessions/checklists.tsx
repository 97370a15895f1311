"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { type Ref, useId, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { matchesQuery } from "@/lib/domain/session-view";
import type { SessionFormOptions } from "@/lib/server/session-form-options";

/** How many matching articles the list draws at once; a search narrows it. */
const SHOWN = 300;

type GroupProps = { legend: string; hint?: string; error?: string; children: React.ReactNode; className?: string };

/** A labelled group of controls whose hint and error are announced with it. */
export function FieldGroup({ legend, hint, error, children, className }: GroupProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={clsx("space-y-2", className)} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type Article = SessionFormOptions["articles"][number];

/** The session's articles: a search box over a checklist, with the count chosen. */
export function ArticleChecklist({
  articles,
  value,
  onChange,
  inputRef,
}: {
  articles: Article[];
  value: string[];
  onChange: (ids: string[]) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useTranslations("sessions.checklists");
  const [query, setQuery] = useState("");
  const [onlyChosen, setOnlyChosen] = useState(false);
  const chosen = useMemo(() => new Set(value), [value]);
  const matching = useMemo(
    () => articles.filter((a) => (!onlyChosen || chosen.has(a.id)) && matchesQuery(`${a.title} ${a.publisher ?? ""} ${a.publishedAt ?? ""}`, query)),
    [articles, query, onlyChosen, chosen],
  );
  const shown = matching.slice(0, SHOWN);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  const searchId = useId();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={searchId} className="sr-only">
          {t("search")}
        </label>
        <input
          id={searchId}
          ref={inputRef}
          type="search"
          className={clsx(inputClass, "max-w-sm")}
          placeholder={t("searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.target.checked)} />
          {t("onlyChosen")}
        </label>
        <button
          type="button"
          className="text-sm text-blue-700 underline"
          onClick={() => onChange([...new Set([...value, ...shown.map((a) => a.id)])])}
          disabled={shown.length === 0}
        >
          {t("chooseAll", { count: shown.length })}
        </button>
        <button type="button" className="text-sm text-blue-700 underline" onClick={() => onChange([])} disabled={value.length === 0}>
          {t("clear")}
        </button>
        <span className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid="articles-chosen">
          {t("chosen", { count: String(value.length) })}
        </span>
      </div>
      <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white" data-testid="article-choices">
        {shown.map((a) => (
          <li key={a.id}>
            <label className="flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={chosen.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
              <span className="min-w-0 flex-1 truncate" title={a.title}>
                {a.title}
              </span>
              <span className="shrink-0 text-xs text-slate-500">{[a.publisher, a.publishedAt].filter(Boolean).join(" · ")}</span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{articles.length === 0 ? t("noArticles") : t("noMatch")}</li>}
      </ul>
      {matching.length > shown.length && (
        <p className="text-xs text-slate-500">{t("showing", { shown: String(shown.length), count: String(matching.length) })}</p>
      )}
    </div>
  );
}

type Member = SessionFormOptions["members"][number];

/**
 * Members to pick as annotators or reviewers: those eligible, plus anyone already chosen who no
 * longer is (flagged, so the manager can take them off). `busy` are chosen for the other role.
 */
export function PeopleChecklist({
  people,
  eligible,
  value,
  onChange,
  busy,
  busyNote,
  inputRef,
  testId,
}: {
  people: Member[];
  eligible: (m: Member) => boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  busy?: readonly string[];
  busyNote?: string;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}) {
  const t = useTranslations("sessions.checklists");
  const roles = useTranslations("roles");
  const shown = people.filter((m) => eligible(m) || value.includes(m.id));
  if (shown.length === 0) return <p className="text-sm text-slate-500">{t("noMember")}</p>;
  return (
    <ul className="grid gap-1 sm:grid-cols-2" data-testid={testId}>
      {shown.map((m, i) => {
        const inOther = busy?.includes(m.id) && !value.includes(m.id);
        const ok = eligible(m);
        return (
          <li key={m.id}>
            <label className={clsx("flex items-baseline gap-2 rounded px-2 py-1 text-sm", inOther ? "text-slate-500" : "cursor-pointer hover:bg-slate-50")}>
              <input
                ref={i === 0 ? inputRef : undefined}
                type="checkbox"
                checked={value.includes(m.id)}
                disabled={inOther}
                onChange={(e) => onChange(e.target.checked ? [...value, m.id] : value.filter((x) => x !== m.id))}
              />
              <span className="min-w-0 truncate" title={m.email}>
                {m.name}
              </span>
              <span className="text-xs text-slate-500">{roles(m.role)}</span>
              {inOther && busyNote && <span className="text-xs">({busyNote})</span>}
              {!ok && <span className="text-xs text-red-700">{t("roleTooLow")}</span>}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
