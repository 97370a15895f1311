"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocalResolver } from "@/components/ui/use-local-resolver";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { signInSchema, signUpSchema } from "@/lib/validation/schemas";
import { signInAction, signUpAction } from "@/lib/actions/auth";

type Mode = "login" | "signup";

/** `next`: a path on this site to return to afterwards (an invitation link), already checked with `localPath`. */
export function AuthForm({ mode, next = null }: { mode: Mode; next?: string | null }) {
  const router = useRouter();
  const t = useTranslations("auth");
  const [formError, setFormError] = useState<string | null>(null);
  // Sign-up's neutral answer when no new account was signed in (the email may already have one).
  const [notice, setNotice] = useState<string | null>(null);
  const schema = mode === "login" ? signInSchema : signUpSchema;
  const form = useForm<FieldValues>({
    resolver: useLocalResolver(zodResolver(schema as typeof signUpSchema)) as unknown as Resolver<FieldValues>,
    defaultValues: { name: "", email: "", password: "" },
  });
  const { register, handleSubmit, formState, setError } = form;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setNotice(null);
    const result = mode === "login" ? await signInAction(values) : await signUpAction(values);
    if (!result.ok) {
      const fields = (result.error.details?.fields ?? {}) as Record<string, string>;
      for (const [name, message] of Object.entries(fields)) setError(name as Path<FieldValues>, { message });
      setFormError(result.error.message);
      return;
    }
    if (result.data?.notice) {
      setNotice(t("signUpNotice"));
      return;
    }
    router.replace(next ?? (result.data?.slug ? `/w/${result.data.slug}` : "/"));
    router.refresh();
  });

  const err = (name: string) => formState.errors[name]?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert>{formError}</Alert>}
      {notice && <Alert tone="info">{notice}</Alert>}
      {mode === "signup" && (
        <Field label={t("name")} error={err("name")}>
          <input className={inputClass} autoComplete="name" {...register("name")} />
        </Field>
      )}
      <Field label={t("email")} error={err("email")}>
        <input className={inputClass} type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field label={t("password")} error={err("password")} hint={mode === "signup" ? t("passwordHint") : undefined}>
        <input className={inputClass} type="password" autoComplete={mode === "login" ? "current-password" : "new-password"} {...register("password")} />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("wait") : mode === "login" ? t("signIn") : t("createAccount")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {mode === "login" ? (
          <>
            {t("newHere")}{" "}
            <Link className="text-blue-700 underline" href={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>
              {t("createAnAccount")}
            </Link>
          </>
        ) : (
          <>
            {t("haveAccount")}{" "}
            <Link className="text-blue-700 underline" href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
              {t("signIn")}
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
