import Link from "next/link";
import { useTranslations } from "next-intl";
import { ClaimTypeDot } from "@/components/ui/claim-type-dot";
import { ANNOTATION_STATUSES, ENTITY_KINDS, SOURCE_KINDS } from "@/lib/domain/vocabulary";
import type { ClaimHit, EntityHit, PassageHit, PropositionHit, SourceHit } from "@/lib/server/search";
import { claimHref, entityHref, passageHref, propositionHref, sourceHref } from "./links";
import { SnippetText } from "./snippet-text";
import { wholeWords } from "./whole-words";

// An unknown value (a kind added later) shows as it is stored, in words.
const label = (kind: string) => kind.toLowerCase().replace(/_/g, " ");
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function Similar({ show }: { show: boolean }) {
  const t = useTranslations("search.item");
  if (!show) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" title={t("similarHint")}>
      {t("similar")}
    </span>
  );
}

function TypeTag({ type }: { type: { label: string; color: string } }) {
  return (
    <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-700">
      <ClaimTypeDot color={type.color} />
      {type.label}
    </span>
  );
}

export function PassageItem({ slug, hit }: { slug: string; hit: PassageHit }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={passageHref(slug, hit.articleId, hit.position)} className="font-medium text-blue-800 hover:underline">
          {hit.articleTitle}
        </Link>
        <span className="text-slate-500">¶ {hit.position + 1}</span>
        <Similar show={hit.similar} />
      </div>
      <p className="mt-1 text-sm leading-6 text-slate-800">
        <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
      </p>
    </>
  );
}

export function ClaimItem({ slug, hit }: { slug: string; hit: ClaimHit }) {
  const t = useTranslations("search.item");
  const tr = useTranslations("review");
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <TypeTag type={hit.claimType} />
        <Link href={claimHref(slug, hit.articleId, hit.position, hit.id)} className="font-medium text-blue-800 hover:underline">
          {hit.articleTitle}
        </Link>
        <span className="text-slate-500">¶ {hit.position + 1}</span>
        <span className="text-xs uppercase text-slate-500">
          {isOneOf(ANNOTATION_STATUSES, hit.status) ? tr(`statusLower.${hit.status}`) : label(hit.status)}
        </span>
        <Similar show={hit.similar} />
      </div>
      <p className="mt-1 text-sm leading-6 text-slate-800">
        {hit.snippetOf === "note" ? (
          <>
            <span className="text-slate-500">{t("note")}</span>
            <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
          </>
        ) : (
          <>
            “<SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />”
          </>
        )}
      </p>
    </>
  );
}

export function PropositionItem({ slug, hit }: { slug: string; hit: PropositionHit }) {
  const t = useTranslations("search.item");
  return (
    <>
      <Link href={propositionHref(slug, hit.id)} className="text-sm font-medium leading-6 text-blue-800 hover:underline">
        <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
        {hit.claimType && <TypeTag type={hit.claimType} />}
        <span>{t("mentions", { count: hit.mentions })}</span>
        {hit.verdict && <span>{t("verdict", { verdict: hit.verdict })}</span>}
        <Similar show={hit.similar} />
      </div>
    </>
  );
}

export function EntityItem({ slug, hit }: { slug: string; hit: EntityHit }) {
  const t = useTranslations("search.item");
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={entityHref(slug, hit.name)} className="font-medium text-blue-800 hover:underline">
        {hit.matchedAlias ? hit.name : <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />}
      </Link>
      <span className="text-xs text-slate-500">{isOneOf(ENTITY_KINDS, hit.kind) ? t(`entityKind.${hit.kind}`) : label(hit.kind)}</span>
      {hit.matchedAlias && (
        <span className="text-slate-600">
          {t("aka")} <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
        </span>
      )}
      <Similar show={hit.similar} />
    </div>
  );
}

export function SourceItem({ slug, hit }: { slug: string; hit: SourceHit }) {
  const t = useTranslations("search.item");
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={sourceHref(slug, hit.name)} className="font-medium text-blue-800 hover:underline">
        <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
      </Link>
      <span className="text-xs text-slate-500">{isOneOf(SOURCE_KINDS, hit.kind) ? t(`sourceKind.${hit.kind}`) : label(hit.kind)}</span>
      <span className="text-xs text-slate-500">{t("published", { count: hit.articles })}</span>
      <Similar show={hit.similar} />
    </div>
  );
}
