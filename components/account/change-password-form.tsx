"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/schemas";

/** Change the password with the current one; every other session ends, this browser stays signed in. */
export function ChangePasswordForm() {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("account");
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setError, reset } = useForm<ChangePasswordInput>({
    resolver: useLocalResolver(zodResolver(changePasswordSchema)),
    defaultValues: { currentPassword: "", newPassword: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    // The API route, not a server action: the render Next.js runs after an action that sets a
    // cookie would see the ended session's cookie and send this browser to sign in.
    const result = await changePassword(values, locale);
    if (!result) return setFormError(t("networkError"));
    if ("error" in result) {
      const fields = (result.error.details?.fields ?? {}) as Partial<Record<keyof ChangePasswordInput, string>>;
      for (const [name, message] of Object.entries(fields)) setError(name as keyof ChangePasswordInput, { message });
      setFormError(result.error.message);
      return;
    }
    if (!result.signedIn) {
      router.replace("/login");
      return;
    }
    reset();
    setDone(true);
    // The page's data was read with the old session: read it again with the new one.
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-sm flex-col gap-3" aria-label={t("changePassword")}>
      {formError && <Alert>{formError}</Alert>}
      {done && <Alert tone="success">{t("changed")}</Alert>}
      <Field label={t("currentPassword")} error={formState.errors.currentPassword?.message}>
        <input className={inputClass} type="password" autoComplete="current-password" {...register("currentPassword")} />
      </Field>
      <Field label={t("newPassword")} error={formState.errors.newPassword?.message} hint={t("passwordHint")}>
        <input className={inputClass} type="password" autoComplete="new-password" {...register("newPassword")} />
      </Field>
      <Button type="submit" className="self-start" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("changing") : t("changePassword")}
      </Button>
    </form>
  );
}

type Answer = { signedIn: boolean } | { error: { message: string; details?: { fields?: Record<string, string> } } };

/** POST /api/v1/account/password in the interface's language; null when the request could not be sent. */
async function changePassword(values: ChangePasswordInput, locale: string): Promise<Answer | null> {
  try {
    const res = await fetch("/api/v1/account/password", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": locale },
      body: JSON.stringify(values),
    });
    return (await res.json()) as Answer;
  } catch {
    return null;
  }
}
