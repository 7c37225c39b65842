import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page could not be found</h1>
      <p className="mt-2 text-slate-600">It may have been deleted, or you may not have access to it.</p>
      <Link href="/workspaces" className="mt-6 font-medium text-indigo-700 underline">
        Go to your workspaces
      </Link>
    </main>
  );
}
