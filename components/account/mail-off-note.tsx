import type { ReactNode } from "react";

/** Said wherever a form would send mail while this server has no mail server configured. */
export function MailOffNote({ children }: { children: ReactNode }) {
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Email is not configured on this server; {children}
    </p>
  );
}
