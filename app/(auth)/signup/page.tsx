import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localPath } from "@/lib/domain/local-path";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t("signUpTitle")}</h1>
      <AuthForm mode="signup" next={localPath(next)} />
    </>
  );
}
