import Link from "next/link";

export default function WorkspaceNotFound() {
  return (
    <main className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">It may have been deleted or merged, or it belongs to another workspace.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to your workspace
      </Link>
    </main>
  );
}
