"use client";

import { DATABASE_DOWN_TEXT, DATABASE_DOWN_TITLE, useDatabaseDown } from "@/components/errors/use-database-down";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const databaseDown = useDatabaseDown();
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{databaseDown ? DATABASE_DOWN_TITLE : "Something went wrong"}</h1>
      <p className="mt-2 text-slate-600">{databaseDown ? DATABASE_DOWN_TEXT : "The page could not be shown. Nothing you saved was lost."}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
