import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

export type BulkSuccess = {
  fileName: string;
  kind: "articles" | "claims" | "web-annotations";
  articles: { id: string; title: string; passages: number }[];
  claims: number;
  reanchored: number;
  createdSpeakers: string[];
};

export type BulkFailure = { message: string; errors: string[]; more: number };

const SHOWN_ARTICLES = 20;

/** What a bulk import did: every article or the claim count, or every problem with its line. */
export function BulkResult({ slug, success, failure }: { slug: string; success?: BulkSuccess | null; failure?: BulkFailure | null }) {
  const t = useTranslations("bulkImport.result");
  if (failure) {
    return (
      <Alert className="space-y-2">
        <p className="font-medium">{failure.message}</p>
        {failure.errors.length > 0 && (
          <ol className="max-h-72 list-inside list-disc space-y-0.5 overflow-auto font-mono text-xs" aria-label={t("problems")}>
            {failure.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the problems of one file, in line order, never reordered
              <li key={i}>{e}</li>
            ))}
          </ol>
        )}
        {failure.more > 0 && <p>{t("moreProblems", { count: failure.more })}</p>}
      </Alert>
    );
  }
  if (!success) return null;
  if (success.kind === "articles") {
    return (
      <Alert tone="success" className="space-y-1">
        <p className="font-medium">{t("articles", { count: success.articles.length, file: success.fileName })}</p>
        <ul className="list-inside list-disc">
          {success.articles.slice(0, SHOWN_ARTICLES).map((a) => (
            <li key={a.id}>
              <Link className="underline" href={`/w/${slug}/articles/${a.id}`}>
                {a.title}
              </Link>{" "}
              {t("paragraphs", { count: a.passages })}
            </li>
          ))}
        </ul>
        {success.articles.length > SHOWN_ARTICLES && (
          <p>
            {t.rich("moreArticles", {
              count: success.articles.length - SHOWN_ARTICLES,
              link: (chunks) => (
                <Link className="underline" href={`/w/${slug}`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </Alert>
    );
  }
  return (
    <Alert tone="success" className="space-y-1">
      <p className="font-medium">{t("claims", { count: success.claims, file: success.fileName })}</p>
      {success.reanchored > 0 && <p>{t("reanchored", { count: success.reanchored })}</p>}
      {success.createdSpeakers.length > 0 && <p>{t("speakers", { names: success.createdSpeakers.join(", ") })}</p>}
      <p>{t("drafts")}</p>
    </Alert>
  );
}
