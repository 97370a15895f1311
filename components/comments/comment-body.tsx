"use client";

import { Fragment, useMemo } from "react";
import { mentionSegments } from "@/lib/domain/mentions";

/** A comment's text as React text nodes (never HTML), with the members it mentions highlighted. */
export function CommentBody({ body, mentions }: { body: string; mentions: { id: string; name: string; email: string }[] }) {
  const segments = useMemo(() => mentionSegments(body, mentions), [body, mentions]);
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="comment-body">
      {segments.map((s, i) =>
        s.userId ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one body, in a fixed order
          <span key={i} className="rounded bg-blue-50 px-0.5 font-medium text-blue-800" data-mention={s.userId}>
            {s.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one body, in a fixed order
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </p>
  );
}
