import { useTranslations } from "next-intl";
import type { ReaderArticle } from "./types";

export function ArticleHeader({ article, claimCount, actions }: { article: ReaderArticle; claimCount: number; actions?: React.ReactNode }) {
  const t = useTranslations("reader.header");
  const meta: [string, React.ReactNode][] = [
    [t("publisher"), article.publisher?.name],
    [t("origins"), article.origins.length ? article.origins.map((o) => o.name).join(", ") : null],
    [t("published"), article.publishedAt],
    [t("byline"), article.byline],
    [t("language"), article.language?.toUpperCase()],
    [
      t("source"),
      article.url ? (
        <a key="url" href={article.url} className="break-all text-blue-700 underline" rel="noreferrer noopener" target="_blank">
          {article.url}
        </a>
      ) : null,
    ],
  ];
  return (
    <header>
      {/* On a phone the actions wrap under the title instead of pushing the page sideways. */}
      <div className="flex flex-wrap items-start gap-3">
        <h1 className="min-w-0 flex-1 basis-64 break-words text-2xl font-semibold leading-tight" data-testid="article-title">
          {article.title}
        </h1>
        <div className="flex flex-wrap items-center gap-1 print:hidden">{actions}</div>
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
        {meta
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="flex gap-1">
              <dt className="text-slate-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        <div className="flex gap-1">
          <dt className="text-slate-600">{t("claims")}</dt>
          <dd data-testid="claim-count">{claimCount}</dd>
        </div>
      </dl>
      {!article.publisher && article.origins.length === 0 && (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900" role="status">
          {t("noAttribution")}
        </p>
      )}
    </header>
  );
}
