import Link from "next/link";
import type { ClaimHit, EntityHit, PassageHit, PropositionHit, SourceHit } from "@/lib/server/search";
import { claimHref, entityHref, passageHref, propositionHref, sourceHref } from "./links";
import { SnippetText } from "./snippet-text";
import { wholeWords } from "./whole-words";

const label = (kind: string) => kind.toLowerCase().replace(/_/g, " ");

function Similar({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" title="No exact match; the words are spelled similarly">
      similar spelling
    </span>
  );
}

function TypeTag({ type }: { type: { label: string; color: string } }) {
  return (
    <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-700">
      <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: type.color }} />
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
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <TypeTag type={hit.claimType} />
        <Link href={claimHref(slug, hit.articleId, hit.position, hit.id)} className="font-medium text-blue-800 hover:underline">
          {hit.articleTitle}
        </Link>
        <span className="text-slate-500">¶ {hit.position + 1}</span>
        <span className="text-xs uppercase text-slate-500">{label(hit.status)}</span>
        <Similar show={hit.similar} />
      </div>
      <p className="mt-1 text-sm leading-6 text-slate-800">
        {hit.snippetOf === "note" ? (
          <>
            <span className="text-slate-500">Note: </span>
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
  return (
    <>
      <Link href={propositionHref(slug, hit.id)} className="text-sm font-medium leading-6 text-blue-800 hover:underline">
        <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
        {hit.claimType && <TypeTag type={hit.claimType} />}
        <span>
          {hit.mentions} {hit.mentions === 1 ? "mention" : "mentions"}
        </span>
        {hit.verdict && <span>Verdict: {hit.verdict}</span>}
        <Similar show={hit.similar} />
      </div>
    </>
  );
}

export function EntityItem({ slug, hit }: { slug: string; hit: EntityHit }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={entityHref(slug, hit.name)} className="font-medium text-blue-800 hover:underline">
        {hit.matchedAlias ? hit.name : <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />}
      </Link>
      <span className="text-xs text-slate-500">{label(hit.kind)}</span>
      {hit.matchedAlias && (
        <span className="text-slate-600">
          also known as <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
        </span>
      )}
      <Similar show={hit.similar} />
    </div>
  );
}

export function SourceItem({ slug, hit }: { slug: string; hit: SourceHit }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={sourceHref(slug, hit.name)} className="font-medium text-blue-800 hover:underline">
        <SnippetText snippet={hit.similar ? wholeWords(hit.snippet) : hit.snippet} />
      </Link>
      <span className="text-xs text-slate-500">{label(hit.kind)}</span>
      <span className="text-xs text-slate-500">
        {hit.articles} {hit.articles === 1 ? "article" : "articles"} published
      </span>
      <Similar show={hit.similar} />
    </div>
  );
}
