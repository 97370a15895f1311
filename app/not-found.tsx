import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or it belongs to a workspace you are not a member of.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to your workspace
      </Link>
    </main>
  );
}
