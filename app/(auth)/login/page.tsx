import type { Metadata } from "next";
import { localPath } from "@/lib/domain/local-path";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <AuthForm mode="login" next={localPath(next)} />
    </>
  );
}
