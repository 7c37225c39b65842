import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getPrincipal } from "@/lib/auth";
import { AppError, UnauthorizedError } from "@/lib/errors";
import type { Principal } from "@/lib/access";

/** What every form action returns to its form. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Set on success when the form wants to show a one-time value (a new API token). */
  secret?: string;
  /** What was submitted, echoed back on failure so the form keeps it (passwords never). */
  values?: Record<string, string>;
};

/** Plain object of a form's string fields (files and `$ACTION_*` internals left out). */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

const keep = (fields?: Record<string, string>) =>
  fields && Object.fromEntries(Object.entries(fields).filter(([k]) => !/password|token/i.test(k)));

/** Turn a thrown error into what the form shows; unexpected errors are logged, not leaked. */
export function toActionState(err: unknown, fields?: Record<string, string>): ActionState {
  unstable_rethrow(err);
  if (err instanceof AppError)
    return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values: keep(fields) };
  console.error("[action]", err);
  return {
    ok: false,
    message: "Something went wrong on our side. Your input was not saved; please try again.",
    values: keep(fields),
  };
}

/**
 * The one wrapper for server actions that change data: loads the signed-in principal and maps errors.
 * Authorization itself happens in the service the handler calls, through lib/access.
 */
export function authedAction(
  handler: (principal: Principal, fields: Record<string, string>) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const fields = formFields(formData);
    try {
      const principal = await getPrincipal();
      if (!principal) throw new UnauthorizedError("Your session has ended. Sign in again to continue.");
      return (await handler(principal, fields)) ?? { ok: true };
    } catch (err) {
      return toActionState(err, fields);
    }
  };
}

/**
 * The wrapper for server actions anyone may call (signed in or not: "forgot password", a reset
 * link): the same error mapping, no principal. The service it calls validates and rate-limits.
 */
export function publicAction(handler: (fields: Record<string, string>) => Promise<ActionState | void>) {
  return async (_prev: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const fields = formFields(formData);
    try {
      return (await handler(fields)) ?? { ok: true };
    } catch (err) {
      return toActionState(err, fields);
    }
  };
}
