/**
 * Edits the server itself makes to a plan's document (freezing a baseline at approval, filling a
 * duplicated plan). The same invariants as a user's edit: the update is in the log before anyone
 * sees it, connected clients receive it, other instances receive it through the relay.
 *
 * Services run in Next's module graph, the collaboration server in server.ts's, so the running
 * server is found through globalThis (like access-hook.ts). Only bytes cross that boundary: the
 * edit runs on a Y.Doc of the caller's own Yjs copy, and the server gets the encoded update.
 */
import * as Y from "yjs";
import { appendUpdates, loadState, applyState } from "./persistence";
import { projectPlan } from "./projection";

/** Given the document's current state, the update to store (null when the edit changed nothing). */
export type MakeUpdate = (state: Uint8Array) => Uint8Array | null;
/** Registered by a running CollabServer: acquires the plan's room, stores and applies the update. */
export type ServerEditor = (planId: string, makeUpdate: MakeUpdate) => Promise<void>;

const KEY = Symbol.for("planwright.collab.serverEditor");
const holder = globalThis as { [KEY]?: ServerEditor };

/** Called by the collaboration server of this process; returns the unregister function. */
export function registerServerEditor(editor: ServerEditor): () => void {
  holder[KEY] = editor;
  return () => {
    if (holder[KEY] === editor) delete holder[KEY];
  };
}

/** Run `fn` on a copy of `state` and return what it changed as one update. */
function updateFrom<T>(
  state: Uint8Array | null,
  fn: (doc: Y.Doc) => T,
  origin: unknown,
): { update: Uint8Array | null; result: T } {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const parts: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => parts.push(u));
    let result!: T;
    doc.transact(() => {
      result = fn(doc);
    }, origin);
    return { update: parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), result };
  } finally {
    doc.destroy();
  }
}

/**
 * Change a plan's live document from the server. `fn` runs synchronously inside one transaction on
 * a document holding the plan's current content; its return value is handed back. With a
 * collaboration server in this process the edit goes through the plan's room (loaded if needed),
 * so connected clients and other instances receive it after it is stored; without one (scripts,
 * tests of services) the stored document is edited and re-projected directly.
 */
export async function editPlanDocument<T>(
  planId: string,
  fn: (doc: Y.Doc) => T,
  origin: unknown = "server",
): Promise<T> {
  const editor = holder[KEY];
  let result!: T;
  let ran = false;
  if (editor) {
    await editor(planId, (state) => {
      const out = updateFrom(state, fn, origin);
      result = out.result;
      ran = true;
      return out.update;
    });
    if (!ran) throw new Error(`The document of plan ${planId} could not be edited.`);
    return result;
  }
  const doc = new Y.Doc();
  try {
    applyState(doc, await loadState(planId));
    const out = updateFrom(Y.encodeStateAsUpdate(doc), fn, origin);
    if (out.update) {
      await appendUpdates([{ planId, data: out.update }]);
      Y.applyUpdate(doc, out.update);
      await projectPlan(planId, doc);
    }
    return out.result;
  } finally {
    doc.destroy();
  }
}

/** The current content state of a plan's document, as one update (for copying it). */
export async function readPlanDocument<T>(planId: string, read: (doc: Y.Doc) => T): Promise<T> {
  // An empty edit reads the freshest state the server holds (the open room when there is one).
  return editPlanDocument(planId, read, "read");
}
