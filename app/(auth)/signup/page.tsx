import type { Metadata } from "next";
import { localPath } from "@/lib/domain/local-path";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Create an account</h1>
      <AuthForm mode="signup" next={localPath(next)} />
    </>
  );
}
