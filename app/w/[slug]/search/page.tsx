import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { requirePageMember } from "@/lib/auth/session";
import { phrase } from "@/lib/i18n/phrasebook";
import { AppError, toErrorBody } from "@/lib/server/errors";
import { search, SEARCH_KINDS, SEARCH_MAX_LIMIT, type SearchResult } from "@/lib/server/search";
import { KindChips } from "@/components/search/kind-chips";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

type Params = { q?: string | string[]; kind?: string | string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const asKind = (v: string | undefined) => SEARCH_KINDS.find((k) => k === v);

export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Params> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { actor } = await requirePageMember(slug);
  const t = await getTranslations("search");
  const q = first(sp.q)?.trim() ?? "";
  const kind = asKind(first(sp.kind));

  let result: SearchResult | null = null;
  let problem: string | undefined;
  if (q) {
    try {
      // Every kind is searched so the chips can show counts; a chosen kind gets the longest list.
      result = await search(actor, { q, limit: kind ? SEARCH_MAX_LIMIT : 10 });
    } catch (err) {
      // The service's words in the interface language, then why (the phrasebook translates them).
      const locale = await getLocale();
      if (err instanceof AppError && err.code === "bad_request") problem = t("tooShort", { message: toErrorBody(err, locale).error.message });
      else if (err instanceof ZodError) problem = err.issues[0] ? phrase(locale, err.issues[0].message) : t("checkText");
      else throw err;
    }
  }

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <SearchForm slug={slug} q={q} kind={kind} error={problem} />
      {result ? (
        <>
          <KindChips slug={slug} q={result.q} active={kind} groups={result.groups} />
          <SearchResults slug={slug} result={result} kind={kind} />
        </>
      ) : (
        !problem && <p className="text-sm text-slate-600">{t("intro")}</p>
      )}
    </main>
  );
}
