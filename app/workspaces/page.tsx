import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { createWorkspace, listWorkspaces } from "@/lib/server/workspaces";

export default async function WorkspacesPage() {
  const user = await requirePageUser();
  const workspaces = await listWorkspaces(user.id);
  const t = await getTranslations("workspaces");
  const tr = await getTranslations("roles");
  async function create(formData: FormData) {
    "use server";
    const u = await requirePageUser();
    const fallbackName = (await getTranslations("workspaces"))("defaultName");
    // The input caps the length; trimming here keeps a crafted request from failing validation.
    const ws = await createWorkspace(
      u.id,
      {
        name:
          String(formData.get("name") ?? "")
            .trim()
            .slice(0, 100) || fallbackName,
      },
      { locale: await requestLocale() },
    );
    redirect(`/w/${ws.slug}`);
  }
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ul className="mt-4 space-y-2">
        {workspaces.map((w) => (
          <li key={w.slug}>
            <Link className="text-blue-700 underline" href={`/w/${w.slug}`}>
              {w.name}
            </Link>{" "}
            <span className="text-xs text-slate-500">({tr(w.role)})</span>
          </li>
        ))}
        {workspaces.length === 0 && <li className="text-slate-600">{t("none")}</li>}
      </ul>
      <form action={create} className="mt-6 flex gap-2">
        <label htmlFor="ws-name" className="sr-only">
          {t("nameLabel")}
        </label>
        <input
          id="ws-name"
          name="name"
          maxLength={100}
          placeholder={t("namePlaceholder")}
          className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm text-white">
          {t("create")}
        </button>
      </form>
    </main>
  );
}
