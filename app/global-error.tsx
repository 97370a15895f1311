"use client";

import "./globals.css";
import { DATABASE_DOWN_TEXT, DATABASE_DOWN_TITLE, useDatabaseDown } from "@/components/errors/use-database-down";

/** When the root layout itself fails, no other error page can render: this one replaces the whole document. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const databaseDown = useDatabaseDown();
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-lg p-10 text-center" role="alert">
          <h1 className="text-2xl font-semibold">{databaseDown ? DATABASE_DOWN_TITLE : "Something went wrong"}</h1>
          <p className="mt-2 text-slate-600">{databaseDown ? DATABASE_DOWN_TEXT : "The app could not be shown. Nothing you saved was lost."}</p>
          <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
