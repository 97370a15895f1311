"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

export default function SessionsError({ reset }: { error: Error; reset: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">This session could not be shown</h1>
      <p className="mt-2 text-slate-600">Nothing you saved was lost. Try again, or go back to the sessions.</p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-slate-900 px-4 py-2 text-white">
          Try again
        </button>
        <Link href={`/w/${slug}/sessions`} className="self-center text-blue-700 underline">
          All sessions
        </Link>
      </div>
    </main>
  );
}
