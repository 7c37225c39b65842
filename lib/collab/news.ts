/**
 * Whether an incoming update carries anything the document lacks. Decoding it also validates it:
 * an update that does not decode throws here, before it can reach the log.
 */
import * as Y from "yjs";

/** Largest delete set we check clock by clock; beyond it the update is simply stored. */
const MAX_DELETE_CHECK = 50_000;

export function hasNews(doc: Y.Doc, update: Uint8Array, checkDeletes: boolean): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return true;
  }
  if (ds.clients.size === 0) return false;
  // A live update's deletions are new by construction; only a sync step 2 (the sender's whole
  // delete set on every reconnect) is worth comparing.
  if (!checkDeletes) return true;
  let budget = MAX_DELETE_CHECK;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if ((budget -= len) < 0) return true;
      for (let c = clock; c < clock + len; c++) if (!Y.isDeleted(known, Y.createID(client, c))) return true;
    }
  }
  return false;
}
