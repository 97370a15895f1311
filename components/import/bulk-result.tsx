import Link from "next/link";
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

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const SHOWN_ARTICLES = 20;

/** What a bulk import did: every article or the claim count, or every problem with its line. */
export function BulkResult({ slug, success, failure }: { slug: string; success?: BulkSuccess | null; failure?: BulkFailure | null }) {
  if (failure) {
    return (
      <Alert className="space-y-2">
        <p className="font-medium">{failure.message}</p>
        {failure.errors.length > 0 && (
          <ol className="max-h-72 list-inside list-disc space-y-0.5 overflow-auto font-mono text-xs" aria-label="Problems">
            {failure.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the problems of one file, in line order, never reordered
              <li key={i}>{e}</li>
            ))}
          </ol>
        )}
        {failure.more > 0 && <p>…and {plural(failure.more, "more problem")} not shown.</p>}
      </Alert>
    );
  }
  if (!success) return null;
  if (success.kind === "articles") {
    return (
      <Alert tone="success" className="space-y-1">
        <p className="font-medium">
          Imported {plural(success.articles.length, "article")} from {success.fileName}.
        </p>
        <ul className="list-inside list-disc">
          {success.articles.slice(0, SHOWN_ARTICLES).map((a) => (
            <li key={a.id}>
              <Link className="underline" href={`/w/${slug}/articles/${a.id}`}>
                {a.title}
              </Link>{" "}
              · {plural(a.passages, "paragraph")}
            </li>
          ))}
        </ul>
        {success.articles.length > SHOWN_ARTICLES && (
          <p>
            …and {success.articles.length - SHOWN_ARTICLES} more, in the{" "}
            <Link className="underline" href={`/w/${slug}`}>
              article list
            </Link>
            .
          </p>
        )}
      </Alert>
    );
  }
  return (
    <Alert tone="success" className="space-y-1">
      <p className="font-medium">
        Imported {plural(success.claims, "claim")} from {success.fileName}.
      </p>
      {success.reanchored > 0 && (
        <p>
          {success.reanchored === 1 ? "1 claim was placed by its quote" : `${plural(success.reanchored, "claim")} were placed by their quotes`} because the
          given offsets did not match the text.
        </p>
      )}
      {success.createdSpeakers.length > 0 && <p>New speakers created: {success.createdSpeakers.join(", ")}.</p>}
      <p>Imported claims start as drafts.</p>
    </Alert>
  );
}
