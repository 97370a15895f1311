"use client";

import "./globals.css";
import { useDatabaseDown } from "@/components/errors/use-database-down";

/**
 * When the root layout itself fails, no other error page can render: this one replaces the
 * whole document, without the root layout's message provider, so its few words stay in English
 * (the hard-coded-text check exempts this file).
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const databaseDown = useDatabaseDown();
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-lg p-10 text-center" role="alert">
          <h1 className="text-2xl font-semibold">{databaseDown ? "The database is unavailable" : "Something went wrong"}</h1>
          <p className="mt-2 text-slate-600">
            {databaseDown
              ? "The page could not be loaded because the database is not reachable. Nothing was saved or lost; try again in a moment."
              : "The app could not be shown. Nothing you saved was lost."}
          </p>
          <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
