/**
 * The browser side of a live plan: one Y.Doc joined to `/collab/<planId>` through the stock
 * y-websocket provider, cached offline in IndexedDB, with connection, saved-state and presence
 * exposed as one immutable snapshot for React (useSyncExternalStore).
 */
import * as decoding from "lib0/decoding";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { collections, META, RACI_CELLS, texts } from "@/lib/doc/layout";
import { CLOSE, MSG_ACCESS, MSG_SAVED, MSG_STORE, MSG_SYNC, SYNC_STEP1 } from "@/lib/collab/protocol";
import { colorFor } from "./colors";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline" | "refused";
/** "held": connected, but the server cannot store edits right now (its database is away); they are
 *  kept and retried, and saved when it is back. */
export type SaveState = "saved" | "saving" | "held" | "unsaved";
export type Peer = { clientId: number; userId: string; name: string; color: string; section: string | null };

export type CollabSnapshot = {
  connection: ConnectionState;
  save: SaveState;
  /** Why the server will not let us in (shown instead of retrying forever). */
  refusal: string | null;
  /** The document holds real content (from IndexedDB or the server), so it can replace the first paint. */
  ready: boolean;
  peers: Peer[];
  canUndo: boolean;
  canRedo: boolean;
  /** This person may only read. Starts as the page said; the server changes it live when their role changes. */
  readOnly: boolean;
  /** Their role changed while the plan was open (shown until the page is reloaded). */
  roleChange: "now-viewer" | "now-editor" | null;
};

export type CollabUser = { id: string; name: string };

/** Origin of this person's own edits: the only ones undo and redo touch. */
export const LOCAL = Symbol("local-edit");

const REFUSAL = {
  signedOut: "Your session has ended. Sign in again to keep editing live.",
  noAccess: "You no longer have access to this plan.",
  linkGone: "This link no longer works: it was revoked or has expired.",
  badData: "The server closed the connection. Reload the page to continue.",
} as const;

/** Every top-level shared type of a plan document. */
function undoScope(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    ...Object.keys(collections).map((name) => doc.getMap(name)),
    doc.getMap(RACI_CELLS),
    doc.getMap(META),
    ...Object.values(texts).map((name) => doc.getText(name)),
  ] as Y.AbstractType<unknown>[];
}

/** Whether the document holds any plan content yet. */
function hasContent(doc: Y.Doc): boolean {
  return undoScope(doc).some((t) => (t instanceof Y.Text ? t.length : (t as Y.Map<unknown>).size) > 0);
}

export class CollabClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly undo: Y.UndoManager;
  private idb: IndexeddbPersistence | null = null;
  private listeners = new Set<() => void>();
  private snap: CollabSnapshot;
  private everConnected = false;
  private failures = 0;
  private sent = 0;
  private acked = 0;
  private dirty = false;
  /** The server said it cannot store edits right now (message 101). */
  private storeDown = false;
  private disposers: (() => void)[] = [];

  constructor(
    private planId: string,
    private user: CollabUser,
    readOnly: boolean,
    /** A read-only link's token, for people who are not signed in. */
    private shareToken?: string,
  ) {
    this.snap = {
      connection: "connecting",
      save: "saved",
      refusal: null,
      ready: false,
      peers: [],
      canUndo: false,
      canRedo: false,
      readOnly,
      roleChange: null,
    };
    const origin = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    this.provider = new WebsocketProvider(origin, planId, this.doc, {
      connect: false,
      maxBackoffTime: 5000,
      params: shareToken ? { token: shareToken } : {},
    });
    // Undo covers every part of the plan this person edits, and only their own edits.
    this.undo = new Y.UndoManager(undoScope(this.doc), { trackedOrigins: new Set([LOCAL]), captureTimeout: 400 });
    this.wireSavedSignal();
    this.wireConnection();
    this.wirePresence();
    this.undo.on("stack-item-added", () => this.update({}));
    this.undo.on("stack-item-popped", () => this.update({}));
  }

  /** Open the offline cache and connect. */
  start() {
    try {
      this.idb = new IndexeddbPersistence(`planwright:plan:${this.planId}`, this.doc);
      void this.idb.whenSynced.then(() => {
        if (hasContent(this.doc)) this.update({ ready: true });
      });
    } catch {
      // No IndexedDB (private mode in some browsers): live editing still works, just not offline.
    }
    if (navigator.onLine) this.provider.connect();
    else this.update({ connection: "offline" });
  }

  /** Whether this person may only read right now. */
  get readOnly(): boolean {
    return this.snap.readOnly;
  }

  /** Apply one of this person's edits (undoable, tracked until the server confirms it is saved). */
  transact(fn: (doc: Y.Doc) => void) {
    if (this.readOnly) return;
    this.doc.transact(() => fn(this.doc), LOCAL);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snap;

  private update(patch: Partial<CollabSnapshot>) {
    // When the live document first became usable (read by bench/gantt.ts).
    if (patch.ready && !this.snap.ready) performance.mark("pw-collab-ready");
    const save: SaveState = !this.dirty
      ? "saved"
      : !this.provider.wsconnected
        ? "unsaved"
        : this.storeDown
          ? "held"
          : "saving";
    this.snap = { ...this.snap, save, canUndo: this.undo.canUndo(), canRedo: this.undo.canRedo(), ...patch };
    for (const l of this.listeners) l();
  }

  /**
   * "Saved" comes only from the server: it acknowledges the count of writes it has committed from
   * this connection. We count what we sent — every local update while connected, plus the sync
   * step 2 we answer its sync step 1 with (which carries anything made offline).
   */
  private wireSavedSignal() {
    this.provider.messageHandlers[MSG_SAVED] = (_enc, dec: decoding.Decoder) => {
      this.acked = decoding.readVarUint(dec);
      if (this.acked >= this.sent) this.dirty = false;
      this.update({});
    };
    // Their role changed while connected: editing controls go off (or the page offers a reload to edit).
    this.provider.messageHandlers[MSG_ACCESS] = (_enc, dec: decoding.Decoder) => {
      const readOnly = decoding.readVarUint(dec) === 0;
      if (readOnly === this.snap.readOnly) return;
      this.update({ readOnly, roleChange: readOnly ? "now-viewer" : "now-editor" });
    };
    // The server says whether it can store edits now (it holds and retries them while it cannot).
    this.provider.messageHandlers[MSG_STORE] = (_enc, dec: decoding.Decoder) => {
      this.storeDown = decoding.readVarUint(dec) === 0;
      this.update({});
    };
    const sync = this.provider.messageHandlers[MSG_SYNC]!;
    this.provider.messageHandlers[MSG_SYNC] = (enc, dec, provider, emitSynced, type) => {
      const isStep1 = decoding.peekVarUint(dec) === SYNC_STEP1;
      sync(enc, dec, provider, emitSynced, type);
      if (isStep1 && !this.readOnly) this.sent++;
    };
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin === this.provider || this.readOnly) return;
      this.dirty = true;
      // The provider's own listener ran first and sent it if the socket is open.
      if (this.provider.wsconnected) this.sent++;
      this.update({});
    };
    this.doc.on("update", onUpdate);
    this.disposers.push(() => this.doc.off("update", onUpdate));
  }

  private wireConnection() {
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.everConnected = true;
        this.failures = 0;
        this.sent = 0;
        this.acked = 0;
        this.storeDown = false;
        this.update({ connection: "connected", refusal: null });
        return;
      }
      if (this.snap.connection === "refused") return;
      this.sent = 0;
      this.acked = 0;
      this.update({ connection: !navigator.onLine ? "offline" : this.everConnected ? "reconnecting" : "connecting" });
    });
    this.provider.on("sync", (synced: boolean) => {
      if (synced) this.update({ ready: true });
    });
    this.provider.on("connection-close", () => {
      if (!this.provider.wsconnected && this.snap.connection !== "connected") this.failures++;
      if (this.failures >= 2 && navigator.onLine) void this.checkAccess();
    });
    // Close codes 4400–4499 are final: the stock provider stops by itself. The server sends two:
    // 4403 when a re-check finds access removed (member removed, plan deleted, link revoked or
    // expired) and 4400 for a message it could not read. A refusal before the upgrade is an HTTP
    // status instead, which the browser cannot see: checkAccess asks the API.
    this.provider.on("closed", ({ code }: { code: number }) => {
      const gone = code === CLOSE.forbidden;
      this.update({
        connection: "refused",
        refusal: gone ? (this.shareToken ? REFUSAL.linkGone : REFUSAL.noAccess) : REFUSAL.badData,
      });
    });
    const offline = () => {
      this.provider.disconnect();
      this.update({ connection: "offline" });
    };
    const online = () => {
      if (this.snap.connection === "refused") return;
      this.provider.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    this.disposers.push(() => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
    });
  }

  /**
   * A refused upgrade looks like a dropped connection to the browser; ask the API why. Signed out
   * or no access: stop and say so. Anything else (server restarting): keep backing off.
   */
  private checking = false;
  private async checkAccess() {
    if (this.checking) return;
    this.checking = true;
    try {
      const url = this.shareToken
        ? `/api/v1/shared/${encodeURIComponent(this.shareToken)}`
        : `/api/v1/plans/${this.planId}`;
      const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        this.provider.disconnect();
        const refusal = this.shareToken ? REFUSAL.linkGone : res.status === 401 ? REFUSAL.signedOut : REFUSAL.noAccess;
        this.update({ connection: "refused", refusal });
      } else {
        this.provider.maxBackoffTime = 30_000;
      }
    } catch {
      // Offline or server down: the provider keeps retrying with its backoff.
    } finally {
      this.checking = false;
    }
  }

  private wirePresence() {
    const awareness = this.provider.awareness;
    awareness.setLocalStateField("user", { id: this.user.id, name: this.user.name, color: colorFor(this.user.id) });
    const onChange = () => {
      const peers: Peer[] = [];
      const seen = new Set<string>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === this.doc.clientID) continue;
        const u = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
        if (!u || typeof u.id !== "string" || typeof u.name !== "string" || seen.has(u.id)) continue;
        seen.add(u.id);
        const color = typeof u.color === "string" && /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : colorFor(u.id);
        peers.push({
          clientId,
          userId: u.id,
          name: u.name.slice(0, 80),
          color,
          section: typeof state.section === "string" ? state.section : null,
        });
      }
      this.update({ peers });
    };
    awareness.on("change", onChange);
    // Which section this person is working in, for the others' avatars.
    const onFocus = (e: FocusEvent) => {
      const section = (e.target as Element | null)?.closest?.("section[id]")?.id ?? null;
      if (awareness.getLocalState()?.section !== section) awareness.setLocalStateField("section", section);
    };
    document.addEventListener("focusin", onFocus);
    this.disposers.push(() => {
      awareness.off("change", onChange);
      document.removeEventListener("focusin", onFocus);
    });
  }

  destroy() {
    for (const d of this.disposers) d();
    this.undo.destroy();
    this.provider.destroy();
    void this.idb?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
