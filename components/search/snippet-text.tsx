import { Fragment } from "react";
import type { Snippet } from "@/lib/domain/snippet";

/** A search snippet as text, with the matched parts in <mark>. Never HTML. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.parts.map((part, i) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet, in order
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet, in order
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
