import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { requireMemberBySlug } from "@/lib/auth/membership";
import type { Capability } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { notFound } from "next/navigation";

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<{ id: string; name: string; email: string }> {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  return { id: session.user.id, name: session.user.name ?? "", email: session.user.email ?? "" };
}

/** For pages: membership of the workspace in the URL; other workspaces render the 404 page. */
export async function requirePageMember(slug: string, need: Capability = "workspace.read") {
  const user = await requirePageUser();
  try {
    return { user, actor: await requireMemberBySlug(user.id, slug, need) };
  } catch (err) {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  }
}
