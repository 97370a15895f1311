import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import Markdown, { type Components } from "react-markdown";

// No rehype-raw: HTML in the source stays text, and react-markdown's default URL transform drops
// javascript: and other unsafe links. Links leave the app in a new tab without an opener.
function components(newTab: string): Components {
  return {
    // A link the URL transform emptied (javascript: and the like) stays as its text.
    a: ({ node: _node, children, href, ...rest }) =>
      href ? (
        <a {...rest} href={href} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
          {children}
          <span className="sr-only">{newTab}</span>
        </a>
      ) : (
        <span>{children}</span>
      ),
    img: ({ node: _node, alt, src }) => (
      // Guidelines may show an example; it loads without telling the host where it was read.
      // biome-ignore lint/performance/noImgElement: user-supplied Markdown images of unknown size, not app assets
      <img src={typeof src === "string" ? src : undefined} alt={alt ?? ""} referrerPolicy="no-referrer" loading="lazy" className="max-w-full" />
    ),
  };
}

const prose =
  "space-y-2 text-sm leading-relaxed text-slate-800 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5";

/** A session's guidelines: Markdown rendered as text and formatting only, never as HTML. */
export function Guidelines({ source, className, empty }: { source: string; className?: string; empty?: string }) {
  const t = useTranslations("sessions.guidelines");
  if (!source.trim()) return <p className={clsx("text-sm italic text-slate-500", className)}>{empty ?? t("empty")}</p>;
  return (
    <div className={clsx(prose, className)} data-testid="session-guidelines">
      <Markdown components={components(t("newTab"))}>{source}</Markdown>
    </div>
  );
}
