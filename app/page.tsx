import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/server/workspaces";

export default async function Home() {
  const user = await requirePageUser();
  const workspaces = await listWorkspaces(user.id);
  const own = workspaces.find((w) => w.role === "OWNER" && !w.isDemo) ?? workspaces[0];
  if (!own) redirect("/workspaces");
  redirect(`/w/${own.slug}`);
}
