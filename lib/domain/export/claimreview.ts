// schema.org ClaimReview (https://schema.org/ClaimReview) for a proposition the desk has rated,
// shaped like Google's fact-check structured data: claimReviewed, reviewRating.alternateName and
// url required; author and itemReviewed (a Claim with its appearances) recommended.
//
// Who wrote the review: Google reads `author` as the publisher of the fact-check, so the desk
// stays the author, as an Organization. A named reviewer is added after it as a second author,
// a Person (schema.org lets any property repeat); the Organization comes first so a consumer
// that keeps one author keeps the desk. With no desk name the reviewer is the only author.
import { linkTo, type ExportMention, type ExportSpeaker, type ExportProposition, type ExportRating } from "./records";

export type ClaimReviewOptions = {
  baseUrl: string;
  slug: string;
  /** The desk (workspace) publishing the review. */
  publisherName: string;
  publisherUrl?: string;
  /** YYYY-MM-DD, used when the rating has no publication date; defaults to the proposition's last update. */
  datePublished?: string;
};

type Organization = { "@type": "Organization"; name: string; url?: string };
type Person = { "@type": "Person"; name: string };
type Rating = {
  "@type": "Rating";
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  /** Google requires it: a rating with a value but no label has none, and the desk should add one. */
  alternateName?: string;
  ratingExplanation?: string;
};
type Appearance = { "@type": "NewsArticle"; url?: string; headline: string; datePublished?: string; publisher?: Organization };

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author?: Organization | Person | [Organization, Person];
  reviewRating: Rating;
  itemReviewed: {
    "@type": "Claim";
    author?: { "@type": "Person" | "Organization"; name: string };
    datePublished?: string;
    appearance?: Appearance[];
    firstAppearance?: Appearance;
  };
};

const trimSlash = (url: string) => url.replace(/\/+$/, "");

// A refuting mention carries the opposite claim ("Moscow denies it"), so only articles that
// assert or relay the claim (supporting or neutral mentions) count as places it appeared.
function appearing(p: ExportProposition): ExportMention[] {
  return p.mentions.filter((m) => {
    const stance = linkTo(m, p.id)?.stance;
    return stance === "SUPPORTS" || stance === "NEUTRAL";
  });
}

function appearance(m: ExportMention): Appearance {
  return {
    "@type": "NewsArticle",
    ...(m.articleUrl ? { url: m.articleUrl } : {}),
    headline: m.articleTitle,
    ...(m.publishedAt ? { datePublished: m.publishedAt } : {}),
    ...(m.publisher ? { publisher: { "@type": "Organization", name: m.publisher } } : {}),
  };
}

/** One appearance per article, oldest first; undated articles keep their order at the end. */
function appearances(mentions: ExportMention[]): Appearance[] {
  const byArticle = new Map<string, ExportMention>();
  for (const m of mentions) if (!byArticle.has(m.articleId)) byArticle.set(m.articleId, m);
  const all = [...byArticle.values()];
  const dated = all.filter((m) => m.publishedAt).sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  return [...dated, ...all.filter((m) => !m.publishedAt)].map(appearance);
}

// The claim has an author only when every appearance attributes it to the same one speaker, and
// we know whether that speaker is a person: guessing the type would publish wrong structured data.
// Several speakers on a mention, or different kinds for the same speaker, leave it out too.
function claimAuthor(mentions: ExportMention[]): ClaimReview["itemReviewed"]["author"] | undefined {
  // The one speaker of each mention; any mention with none or several leaves the author out.
  const speakers: ExportSpeaker[] = [];
  for (const m of mentions) {
    const [speaker, ...others] = m.speakers;
    if (speaker === undefined || others.length > 0) return undefined;
    speakers.push(speaker);
  }
  const [first] = speakers;
  if (first === undefined) return undefined;
  const { name, type } = first;
  if (speakers.some((s) => s.name !== name || s.type !== type)) return undefined;
  const kinds = new Set(speakers.flatMap((s) => s.kind ?? []));
  if (kinds.size !== 1) return undefined;
  return { "@type": kinds.has("PERSON") ? "Person" : "Organization", name };
}

function reviewAuthor(o: ClaimReviewOptions, reviewer: string | undefined): ClaimReview["author"] {
  const desk: Organization | undefined = o.publisherName.trim()
    ? { "@type": "Organization", name: o.publisherName, ...(o.publisherUrl ? { url: o.publisherUrl } : {}) }
    : undefined;
  const person: Person | undefined = reviewer ? { "@type": "Person", name: reviewer } : undefined;
  return desk && person ? [desk, person] : (desk ?? person);
}

// The scale only means something next to a value, so best/worst go out only with one.
function reviewRating(r: ExportRating, label: string | undefined, explanation: string): Rating {
  const scale =
    r.value === null ? {} : { ratingValue: r.value, ...(r.best !== null ? { bestRating: r.best } : {}), ...(r.worst !== null ? { worstRating: r.worst } : {}) };
  return { "@type": "Rating", ...scale, ...(label ? { alternateName: label } : {}), ...(explanation ? { ratingExplanation: explanation } : {}) };
}

/**
 * ClaimReview JSON-LD for a rated proposition; null when the desk has not rated it (neither a
 * label nor a value). `url` and `datePublished` are the published fact-check's when the desk
 * gave them, else the proposition page and the option or last update.
 */
export function claimReview(p: ExportProposition, o: ClaimReviewOptions): ClaimReview | null {
  const r = p.rating;
  const label = r?.label?.trim() || undefined;
  if (!r || (!label && r.value === null)) return null;
  const mentions = appearing(p);
  const list = appearances(mentions);
  const first = list.find((a) => a.datePublished);
  const author = claimAuthor(mentions);
  const reviewer = reviewAuthor(o, r.reviewer?.trim() || undefined);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: r.url?.trim() || `${trimSlash(o.baseUrl)}/w/${encodeURIComponent(o.slug)}/propositions/${encodeURIComponent(p.id)}`,
    claimReviewed: p.statement,
    datePublished: r.date?.trim() || o.datePublished || p.updatedAt.slice(0, 10),
    ...(reviewer ? { author: reviewer } : {}),
    reviewRating: reviewRating(r, label, p.verdictSentence),
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author } : {}),
      ...(first ? { datePublished: first.datePublished } : {}),
      ...(list.length > 0 ? { appearance: list } : {}),
      ...(first ? { firstAppearance: first } : {}),
    },
  };
}
