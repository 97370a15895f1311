import { useTranslations } from "next-intl";
import Form from "next/form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { SearchKind } from "@/lib/server/search";
import { SlashFocus } from "./slash-focus";

/** The search page's box: a GET form, so every result page has a URL that can be shared. */
export function SearchForm({ slug, q, kind, error }: { slug: string; q: string; kind?: SearchKind; error?: string }) {
  const t = useTranslations("search");
  return (
    <div>
      <Form action={`/w/${slug}/search`} role="search" aria-label={t("thisWorkspace")} className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("fieldLabel")}
        </label>
        <input
          key={q}
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the search page opened empty (the / key leads here); typing is the next step
          autoFocus={!q}
          autoComplete="off"
          placeholder={t("placeholder")}
          data-slash-focus="primary"
          aria-describedby={error ? "search-error search-hint" : "search-hint"}
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
        {kind && <input type="hidden" name="kind" value={kind} />}
        <Button type="submit">{t("submit")}</Button>
      </Form>
      {error && (
        <p id="search-error" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <p id="search-hint" className="mt-1 text-xs text-slate-500">
        {t.rich("hint", { kbd: (chunks) => <kbd className="rounded border border-slate-300 bg-white px-1 font-mono">{chunks}</kbd> })}
      </p>
      <SlashFocus />
    </div>
  );
}
