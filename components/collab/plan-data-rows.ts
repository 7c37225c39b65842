/**
 * The rows of one collection of a live document, kept up to date incrementally: a change re-parses
 * (and re-validates) only the rows it touched, and every other row keeps its object, so memoised
 * views of unchanged rows stay as they are. The result is always what `readRows(doc, name).rows`
 * would return: the valid rows, in display order, malformed rows left out.
 */
import * as Y from "yjs";
import { parseRow, rowsOf, sortRows, type CollectionName, type RowOf } from "@/lib/doc";

export class LiveRows<C extends CollectionName> {
  private readonly map: Y.Map<Y.Map<unknown>>;
  /** Each row key read so far → its parsed row, or null when malformed. */
  private readonly parsed = new Map<string, RowOf<C> | null>();
  /** Rows changed since the last read; null when everything must be read again. */
  private dirty: Set<string> | null = null;
  private rows: RowOf<C>[] | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    doc: Y.Doc,
    private readonly name: C,
  ) {
    this.map = rowsOf(doc, name);
    this.map.observeDeep(this.onChange);
  }

  private onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (this.rows !== null) {
      const dirty = (this.dirty ??= new Set());
      for (const e of events) {
        if (e.target === this.map) for (const key of (e as Y.YMapEvent<Y.Map<unknown>>).keysChanged) dirty.add(key);
        else {
          // A change inside a row (or deeper): the path's first step is the row's key.
          const key = e.path[0];
          if (typeof key === "string") dirty.add(key);
          else {
            this.rows = null;
            break;
          }
        }
      }
    }
    for (const l of this.listeners) l();
  };

  /** The valid rows in display order; the same array until the collection changes. */
  get(): RowOf<C>[] {
    if (this.rows === null) {
      this.parsed.clear();
      this.map.forEach((value, key) => this.parsed.set(key, this.parse(key, value)));
      this.dirty = null;
      this.rows = this.ordered();
    } else if (this.dirty) {
      for (const key of this.dirty) {
        const value = this.map.get(key);
        if (value === undefined && !this.map.has(key)) this.parsed.delete(key);
        else this.parsed.set(key, this.parse(key, value));
      }
      this.dirty = null;
      this.rows = this.ordered();
    }
    return this.rows;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy() {
    this.map.unobserveDeep(this.onChange);
    this.listeners.clear();
  }

  private parse(key: string, value: unknown): RowOf<C> | null {
    const r = parseRow(this.name, key, value);
    return r.ok ? r.row : null;
  }

  /** In the map's own order first, then sorted as readRows sorts, so ties come out the same. */
  private ordered(): RowOf<C>[] {
    const out: RowOf<C>[] = [];
    this.map.forEach((_value, key) => {
      const row = this.parsed.get(key);
      if (row) out.push(row);
    });
    return sortRows(out);
  }
}

const readers = new WeakMap<Y.Doc, Map<CollectionName, LiveRows<CollectionName>>>();

/** The one incremental reader of a collection of this document (created on first use). */
export function liveRowsOf<C extends CollectionName>(doc: Y.Doc, name: C): LiveRows<C> {
  let byName = readers.get(doc);
  if (!byName) readers.set(doc, (byName = new Map()));
  let r = byName.get(name);
  if (!r) byName.set(name, (r = new LiveRows(doc, name)));
  return r as unknown as LiveRows<C>;
}
