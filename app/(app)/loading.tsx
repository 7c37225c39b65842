export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-6xl px-6 py-10 text-slate-500">
      Loading…
    </div>
  );
}
