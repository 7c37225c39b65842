/**
 * Writes a plan's content into its projection tables, inside the caller's transaction: every
 * collection of the registry and the RACI cells, by the one generic writer of db/projection.ts.
 */
import type { Db } from "@/db";
import { writeProjection } from "@/db/projection";
import type { DocContent } from "@/lib/doc";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const writeContentProjection = (tx: Tx, planId: string, c: DocContent) => writeProjection(tx, planId, c);
