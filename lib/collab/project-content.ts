/**
 * Writes a plan's content into its projection tables, inside the caller's transaction: every
 * collection of the registry and the RACI cells, by the one generic writer of db/projection.ts.
 */
export { writeProjection as writeContentProjection } from "@/db/projection";
