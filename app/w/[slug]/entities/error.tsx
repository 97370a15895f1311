"use client";

export default function EntitiesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-10 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Entities and sources could not be shown</h1>
      <p className="mt-2 text-slate-600">Nothing you saved was lost. Try again, or go back to the articles.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
