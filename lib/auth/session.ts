import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { requireMemberBySlug } from "@/lib/auth/membership";
import type { Capability } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { notFound } from "next/navigation";

// Each auth() runs the jwt callback, which reads the user's session version: a server render
// that asks several times (layout and page) reads it once. React's cache lasts one render.
const currentSession = cache(() => auth());

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await currentSession();
  return session?.user?.id ?? null;
}

/** The signed-in browser's session row (UserSession id), or null. */
export async function currentSessionId(): Promise<string | null> {
  const session = await currentSession();
  return session?.sessionId ?? null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<{ id: string; name: string; email: string }> {
  const session = await currentSession();
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
