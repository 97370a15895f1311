"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Controller, type Path, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createSessionAction, updateSessionAction } from "@/lib/actions/sessions";
import { fieldOfKey } from "@/lib/domain/session-view";
import type { ErrorBody } from "@/lib/server/errors";
import type { SessionFormOptions } from "@/lib/server/session-form-options";
import { createSessionSchema, MAX_GUIDELINES, SESSION_MODES } from "@/lib/validation/sessions";
import { ASSIGN_PLANS } from "./badges";
import { ArticleChecklist, FieldGroup, PeopleChecklist } from "./checklists";
import { Guidelines } from "./guidelines";

type Input = z.input<typeof createSessionSchema>;
type Output = z.output<typeof createSessionSchema>;

const FIELDS: readonly Path<Input>[] = ["name", "guidelines", "mode", "dueAt", "articleIds", "annotatorIds", "reviewerIds", "assign"];

export type EditableSession = {
  id: string;
  version: number;
  name: string;
  guidelines: string;
  mode: "OPEN" | "BLIND";
  /** YYYY-MM-DD or null. */
  dueAt: string | null;
  articleIds: string[];
  annotatorIds: string[];
  reviewerIds: string[];
  /** Claims exist, so the mode can no longer change. */
  modeLocked: boolean;
};

/** Creates a session, or edits one (`session`); the same shared schema checks both. */
export function SessionForm({
  workspaceId,
  slug,
  options,
  session,
}: {
  workspaceId: string;
  slug: string;
  options: SessionFormOptions;
  session?: EditableSession;
}) {
  const t = useTranslations("sessions.form");
  const modes = useTranslations("sessions.mode");
  const plans = useTranslations("sessions.plan");
  const router = useRouter();
  const { register, control, handleSubmit, formState, setError } = useForm<Input, unknown, Output>({
    resolver: useLocalResolver(zodResolver(createSessionSchema)),
    defaultValues: {
      name: session?.name ?? "",
      guidelines: session?.guidelines ?? "",
      mode: session?.mode ?? "OPEN",
      dueAt: session?.dueAt ?? null,
      articleIds: session?.articleIds ?? [],
      annotatorIds: session?.annotatorIds ?? [],
      reviewerIds: session?.reviewerIds ?? [],
      assign: "all",
    },
  });
  const { errors } = formState;
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  const guidelines = useWatch({ control, name: "guidelines" }) ?? "";
  const annotatorIds = useWatch({ control, name: "annotatorIds" }) ?? [];
  const reviewerIds = useWatch({ control, name: "reviewerIds" }) ?? [];
  const back = session ? `/w/${slug}/sessions/${session.id}` : `/w/${slug}/sessions`;

  // A server field error names an item by index ("annotatorIds.2"): say whom it is about.
  const placeErrors = (error: ErrorBody, sent: Output): string | null => {
    const given = (error.details?.fields ?? {}) as Record<string, string>;
    let placed = false;
    for (const [key, message] of Object.entries(given)) {
      const { field, index } = fieldOfKey(key);
      if (!FIELDS.includes(field as Path<Input>)) continue;
      const ids = index !== null ? (sent[field as keyof Output] as unknown) : null;
      const id = Array.isArray(ids) ? (ids[index!] as string | undefined) : undefined;
      const who = id && (options.members.find((m) => m.id === id)?.name ?? options.articles.find((a) => a.id === id)?.title);
      setError(field as Path<Input>, { type: "server", message: who ? `${who}: ${message}` : message }, { shouldFocus: !placed });
      placed = true;
    }
    return placed ? null : error.message;
  };

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    const res = session
      ? await updateSessionAction(workspaceId, {
          id: session.id,
          version: session.version,
          name: v.name,
          guidelines: v.guidelines,
          ...(session.modeLocked ? {} : { mode: v.mode }),
          dueAt: v.dueAt ?? null,
          articleIds: v.articleIds,
          annotatorIds: v.annotatorIds,
          reviewerIds: v.reviewerIds,
        })
      : await createSessionAction(workspaceId, v);
    if (!res.ok) {
      const rest = res.error.code === "validation" ? placeErrors(res.error, v) : res.error.message;
      if (rest) setFailure({ message: rest, conflict: res.error.code === "conflict" && res.error.details?.currentVersion !== undefined });
      return;
    }
    router.push(`/w/${slug}/sessions/${res.data.id}`);
    router.refresh();
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={session ? t("editLabel", { name: session.name }) : t("newLabel")}
      className="space-y-5"
      data-testid="session-form"
    >
      {failure && (
        <Alert data-testid={failure.conflict ? "session-conflict" : "session-form-error"}>
          {failure.message}
          {failure.conflict && (
            <button type="button" className="ml-2 font-medium underline" onClick={() => router.refresh()}>
              {t("loadLatest")}
            </button>
          )}
        </Alert>
      )}
      <Field label={t("name")} error={errors.name?.message}>
        <input className={inputClass} autoComplete="off" placeholder={t("namePlaceholder")} {...register("name")} />
      </Field>

      <div className="space-y-1">
        <Field label={t("guidelines")} error={errors.guidelines?.message} hint={t("guidelinesHint", { max: MAX_GUIDELINES })}>
          <textarea className={`${inputClass} min-h-36 font-mono`} rows={8} {...register("guidelines")} />
        </Field>
        <button
          type="button"
          className="text-sm text-blue-700 underline"
          aria-expanded={preview}
          aria-controls={previewId}
          onClick={() => setPreview((p) => !p)}
        >
          {preview ? t("hidePreview") : t("showPreview")}
        </button>
        <section id={previewId} hidden={!preview} aria-label={t("previewLabel")} className="rounded-md border border-slate-200 bg-slate-50 p-3">
          {preview && <Guidelines source={guidelines} empty={t("nothingToPreview")} />}
        </section>
      </div>

      <FieldGroup legend={t("mode")} error={errors.mode?.message} hint={session?.modeLocked ? t("modeLocked") : undefined}>
        {SESSION_MODES.map((m) => (
          <label key={m} className="flex items-start gap-2 text-sm">
            <input type="radio" value={m} className="mt-1" disabled={session?.modeLocked} {...register("mode")} />
            <span>
              <span className="font-medium">{modes(m)}</span>
              <span className="block text-slate-600">{modes(`hint.${m}`)}</span>
            </span>
          </label>
        ))}
      </FieldGroup>

      <Field label={t("dueDate")} error={errors.dueAt?.message} className="max-w-48">
        <input type="date" className={inputClass} {...register("dueAt", { setValueAs: (v: string | null) => v || null })} />
      </Field>

      <Controller
        control={control}
        name="articleIds"
        render={({ field }) => (
          <FieldGroup legend={t("articles")} error={errors.articleIds?.message} hint={options.truncated ? t("truncated") : undefined}>
            <ArticleChecklist articles={options.articles} value={field.value ?? []} onChange={field.onChange} inputRef={field.ref} />
          </FieldGroup>
        )}
      />

      <div className="grid gap-5 md:grid-cols-2">
        <Controller
          control={control}
          name="annotatorIds"
          render={({ field }) => (
            <FieldGroup legend={t("annotators")} hint={t("annotatorsHint")} error={errors.annotatorIds?.message}>
              <PeopleChecklist
                people={options.members}
                eligible={(m) => m.canAnnotate}
                value={field.value ?? []}
                onChange={field.onChange}
                busy={reviewerIds}
                busyNote={t("reviewing")}
                inputRef={field.ref}
                testId="annotator-choices"
              />
            </FieldGroup>
          )}
        />
        <Controller
          control={control}
          name="reviewerIds"
          render={({ field }) => (
            <FieldGroup legend={t("reviewers")} hint={t("reviewersHint")} error={errors.reviewerIds?.message}>
              <PeopleChecklist
                people={options.members}
                eligible={(m) => m.canReview}
                value={field.value ?? []}
                onChange={field.onChange}
                busy={annotatorIds}
                busyNote={t("annotating")}
                inputRef={field.ref}
                testId="reviewer-choices"
              />
            </FieldGroup>
          )}
        />
      </div>

      {session ? (
        <p className="text-sm text-slate-600">{t("editAssignNote")}</p>
      ) : (
        <FieldGroup legend={t("assignments")} error={errors.assign?.message}>
          {ASSIGN_PLANS.map((plan) => (
            <label key={plan} className="flex items-start gap-2 text-sm">
              <input type="radio" value={plan} className="mt-1" {...register("assign")} />
              <span>
                <span className="font-medium">{plans(`${plan}.label`)}</span>
                <span className="block text-slate-600">{plans(`${plan}.hint`)}</span>
              </span>
            </label>
          ))}
        </FieldGroup>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : session ? t("save") : t("create")}
        </Button>
        <Link href={back} className="text-sm text-slate-700 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
