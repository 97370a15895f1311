// schema.org ClaimReview (https://schema.org/ClaimReview) for a proposition the desk has rated,
// shaped like Google's fact-check structured data: claimReviewed, reviewRating.alternateName and
// url required; author and itemReviewed (a Claim with its appearances) recommended.
import { linkTo, type ExportMention, type ExportProposition } from "./records";

export type ClaimReviewOptions = {
  baseUrl: string;
  slug: string;
  /** The desk (workspace) publishing the review. */
  publisherName: string;
  publisherUrl?: string;
  /** YYYY-MM-DD; defaults to the proposition's last update. */
  datePublished?: string;
};

type Organization = { "@type": "Organization"; name: string; url?: string };
type Appearance = { "@type": "NewsArticle"; url?: string; headline: string; datePublished?: string; publisher?: Organization };

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Organization;
  reviewRating: { "@type": "Rating"; alternateName: string; ratingExplanation?: string };
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

// The claim has an author only when every appearance attributes it to the same speaker, and we
// know whether that speaker is a person: guessing the type would publish wrong structured data.
function claimAuthor(mentions: ExportMention[]): ClaimReview["itemReviewed"]["author"] | undefined {
  const speakers = new Set(mentions.map((m) => m.speaker));
  if (speakers.size !== 1) return undefined;
  const name = mentions[0].speaker;
  const kind = mentions.find((m) => m.speakerKind)?.speakerKind;
  if (!name || !kind) return undefined;
  return { "@type": kind === "PERSON" ? "Person" : "Organization", name };
}

/** ClaimReview JSON-LD for a rated proposition; null when the desk has not rated it. */
export function claimReview(p: ExportProposition, o: ClaimReviewOptions): ClaimReview | null {
  const rating = p.rating?.trim();
  if (!rating) return null;
  const mentions = appearing(p);
  const list = appearances(mentions);
  const first = list.find((a) => a.datePublished);
  const author = claimAuthor(mentions);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${trimSlash(o.baseUrl)}/w/${encodeURIComponent(o.slug)}/propositions/${encodeURIComponent(p.id)}`,
    claimReviewed: p.statement,
    datePublished: o.datePublished ?? p.updatedAt.slice(0, 10),
    author: { "@type": "Organization", name: o.publisherName, ...(o.publisherUrl ? { url: o.publisherUrl } : {}) },
    reviewRating: { "@type": "Rating", alternateName: rating, ...(p.verdictSentence ? { ratingExplanation: p.verdictSentence } : {}) },
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author } : {}),
      ...(first ? { datePublished: first.datePublished } : {}),
      ...(list.length > 0 ? { appearance: list } : {}),
      ...(first ? { firstAppearance: first } : {}),
    },
  };
}
