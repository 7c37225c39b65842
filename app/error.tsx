"use client";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The page could not be loaded. Nothing you saved has been lost.</p>
      <Button onClick={reset} variant="primary" size="xl" className="mt-6">
        Try again
      </Button>
    </main>
  );
}
