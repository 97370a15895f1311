"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { listMentionableAction } from "@/lib/actions/comments";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { foldForMatch } from "@/lib/domain/claim-types";
import { mentionQueryAt } from "@/lib/domain/mentions";
import { MAX_COMMENT_CHARS } from "@/lib/validation/comments";

type Member = { id: string; name: string; email: string };

// Members change rarely: one request per workspace and page load, shared by every composer.
const membersCache = new Map<string, Promise<Member[]>>();
function loadMembers(workspaceId: string): Promise<Member[]> {
  let p = membersCache.get(workspaceId);
  if (!p) {
    p = listMentionableAction(workspaceId).then((r) => (r.ok ? r.data.map(({ id, name, email }) => ({ id, name, email })) : []));
    membersCache.set(workspaceId, p);
  }
  return p;
}

/**
 * A plain-text comment box: Ctrl+Enter sends, Escape cancels; typing "@" offers the workspace's
 * members (names and emails, ignoring case and accents), ↑/↓ and Enter or Tab to pick one.
 */
export function CommentComposer({
  workspaceId,
  label,
  submitLabel,
  initial = "",
  autoFocus,
  onSubmit,
  onCancel,
}: {
  workspaceId: string;
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Save the text; an error message comes back to show beside the field. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const t = useTranslations("comments.composer");
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [members, setMembers] = useState<Member[]>([]);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  const options = useMemo(() => {
    if (!mention) return [];
    const q = foldForMatch(mention.query);
    return members.filter((m) => foldForMatch(m.name).includes(q) || m.email.toLowerCase().startsWith(q)).slice(0, 6);
  }, [members, mention]);
  const open = mention !== null && options.length > 0;

  function track(value: string, caret: number) {
    const q = mentionQueryAt(value, caret);
    setMention(q);
    setActiveIndex(0);
    if (q) void loadMembers(workspaceId).then(setMembers);
  }

  function pick(m: Member) {
    const el = ref.current;
    if (!el || !mention) return;
    const caret = el.selectionStart;
    const next = `${body.slice(0, mention.start)}@${m.name} ${body.slice(caret)}`;
    const at = mention.start + m.name.length + 2;
    setBody(next);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  }

  async function submit() {
    if (busy) return;
    if (!body.trim()) return setError(t("empty"));
    setBusy(true);
    const problem = await onSubmit(body);
    setBusy(false);
    setError(problem);
    if (!problem) {
      setBody("");
      setMention(null);
    }
  }

  const errorId = `${id}-error`;
  const listId = `${id}-members`;
  return (
    <form
      className="space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={ref}
          id={id}
          value={body}
          rows={2}
          maxLength={MAX_COMMENT_CHARS * 2}
          placeholder={t("placeholder", { label })}
          // biome-ignore lint/a11y/noAutofocus: the composer opens when the person asks to reply or edit
          autoFocus={autoFocus}
          className={clsx(inputClass, "resize-y py-1.5")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          onChange={(e) => {
            setBody(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={(e) => {
            if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
              e.preventDefault();
              setActiveIndex((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
            } else if (open && (e.key === "Enter" || e.key === "Tab") && !e.ctrlKey && !e.metaKey) {
              const m = options[activeIndex];
              if (m) {
                e.preventDefault();
                pick(m);
              }
            } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            } else if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              if (open) setMention(null);
              else onCancel?.();
            }
          }}
        />
        {open && (
          <ul
            id={listId}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern: a list with role listbox
            role="listbox"
            aria-label={t("members")}
            className="absolute z-10 mt-1 w-full rounded-md border border-slate-200 bg-white py-1 shadow"
          >
            {options.map((m, i) => (
              <li
                key={m.id}
                id={`${listId}-${i}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox above; focus stays in the textarea (aria-activedescendant)
                role="option"
                tabIndex={-1}
                aria-selected={i === activeIndex}
                className={clsx("cursor-pointer px-2 py-1 text-sm", i === activeIndex && "bg-blue-50")}
                // Before the textarea loses focus, so the caret is still where the name goes.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                {m.name} <span className="text-xs text-slate-500">{m.email}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        )}
        <span className="ml-auto text-xs text-slate-500">{t("sendKey")}</span>
      </div>
    </form>
  );
}
