import "server-only";
import { notFound, redirect } from "next/navigation";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";

/** Run a page's authorized read: missing or inaccessible → the 404 page, signed out → sign-in. */
export async function pageData<T>(load: () => Promise<T>, path?: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ForbiddenError) notFound();
    if (err instanceof UnauthorizedError) redirect(path ? `/signin?next=${encodeURIComponent(path)}` : "/signin");
    throw err;
  }
}
