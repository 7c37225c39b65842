import { z } from "zod";

/** An error that maps to an HTTP status and a message a person can act on. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 422, fieldErrors);
  }
  static fromZod(error: z.ZodError): ValidationError {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.length ? issue.path.join(".") : "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    const first = error.issues[0];
    const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
    return new ValidationError(`${where}${first?.message ?? "Invalid input"}`, fieldErrors);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401);
  }
}

/** Not found and "not yours" look the same, so outsiders learn nothing about what exists. */
export class NotFoundError extends AppError {
  constructor(what = "That item") {
    super(`${what} was not found.`, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message, 409, fieldErrors);
  }
}

/** Parse with a zod schema, throwing a ValidationError with field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

/** If-Match named a version of the row that is no longer current. */
export class PreconditionFailedError extends AppError {
  constructor(message = "The row changed since you read it. Read it again and retry with its new ETag.") {
    super(message, 412);
  }
}

/** Field messages of a document write (lib/doc/write.ts), as a 422 like the browser shows them. */
export function problemsError(problems: { field: string; message: string }[]): ValidationError {
  const fields: Record<string, string[]> = {};
  for (const p of problems) (fields[p.field] ??= []).push(p.message);
  const first = problems[0];
  return new ValidationError(first ? `${first.field}: ${first.message}` : "Invalid input", fields);
}
