"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { DATABASE_DOWN_TEXT, DATABASE_DOWN_TITLE, useDatabaseDown } from "@/components/errors/use-database-down";

/** Errors inside a workspace keep its header and offer a way back. */
export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  const databaseDown = useDatabaseDown();
  return (
    <main className="mx-auto max-w-lg py-16 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{databaseDown ? DATABASE_DOWN_TITLE : "This page could not be shown"}</h1>
      <p className="mt-2 text-slate-600">{databaseDown ? DATABASE_DOWN_TEXT : "Something went wrong on our side. Nothing you had saved was lost."}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 text-sm text-white">
          Try again
        </button>
        <Link href={`/w/${slug}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          Back to articles
        </Link>
      </div>
    </main>
  );
}
