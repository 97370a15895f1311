"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/api/token-schema";
import type { Role } from "@/lib/domain/roles";
import { createApiTokenAction } from "@/lib/actions/settings";

// A shell command, the same in every language.
const curlExample = (token: string, workspaceId: string) =>
  `curl -H "Authorization: Bearer ${token.slice(0, 7)}…" ${window.location.origin}/api/v1/workspaces/${workspaceId}/articles`;

/** Name + role; on success the plain token is shown here once, with a copy button. */
export function NewTokenForm({ workspaceId, slug, roles }: { workspaceId: string; slug: string; roles: Role[] }) {
  const t = useTranslations("apiTokens.new");
  const tr = useTranslations("roles");
  const { register, handleSubmit, formState, reset, setError } = useForm<CreateApiTokenInput>({
    resolver: useLocalResolver(zodResolver(createApiTokenSchema)),
    defaultValues: { name: "", role: "VIEWER" },
  });
  const [issued, setIssued] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await createApiTokenAction(workspaceId, v);
    if (!res.ok) {
      const fields = (res.error.details?.fields ?? {}) as Record<string, string>;
      if (fields.name) setError("name", { message: fields.name });
      if (fields.role) setError("role", { message: res.error.message });
      if (!fields.name && !fields.role) setFailure(res.error.message);
      return;
    }
    setIssued({ token: res.data.token, name: res.data.name });
    setCopied(false);
    reset({ name: "", role: v.role });
  });

  async function copy() {
    if (!issued) return;
    await navigator.clipboard.writeText(issued.token);
    setCopied(true);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label={t("form")} className="flex flex-wrap items-start gap-2">
        <Field label={t("name")} error={formState.errors.name?.message} hint={t("nameHint")} className="min-w-64 flex-1">
          <input className={inputClass} autoComplete="off" {...register("name")} />
        </Field>
        <Field label={t("role")} error={formState.errors.role?.message}>
          <select className={inputClass} {...register("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" className="mt-6" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("creating") : t("create")}
        </Button>
      </form>
      {failure && <Alert>{failure}</Alert>}
      {issued && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="new-token">
          <p className="font-medium">{t("copyNow", { name: issued.name })}</p>
          <div className="flex gap-2">
            <label htmlFor="new-token-value" className="sr-only">
              {t("newToken")}
            </label>
            <input id="new-token-value" readOnly value={issued.token} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} />
            <Button variant="secondary" onClick={() => void copy()}>
              {copied ? t("copied") : t("copy")}
            </Button>
            <Button variant="ghost" onClick={() => setIssued(null)}>
              {t("done")}
            </Button>
          </div>
          <p>
            {t("tryIt")} <code className="break-all rounded bg-white px-1">{curlExample(issued.token, workspaceId)}</code> ·{" "}
            <Link href={`/w/${slug}/api-docs`} className="underline">
              {t("reference")}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
