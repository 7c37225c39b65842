/**
 * A fingerprint of each plan section's content, so an approved plan can tell which sections changed
 * since it was approved. The same digest comes out of the live document (readDocContent) and of the
 * projection (getPlanContent): rows are sorted by id, keys sorted, and numbers rounded the way the
 * projection stores them. Pure and isomorphic (browser and server).
 */
import { digest } from "lib0/hash/sha256";
import {
  collections,
  realRegistry,
  settingPlacements,
  singles,
  type Collections,
  type ContentOf,
  type DocContent,
  type FingerprintedIn,
  type Placement,
  type Registry,
} from "@/lib/doc/layout";
import { planSections } from "./template";

/** Sections whose content is fingerprinted (metrics are derived, so they never "change" on their own). */
export type DigestedSection =
  FingerprintedIn<typeof collections> | FingerprintedIn<typeof singles> | FingerprintedIn<typeof settingPlacements>;
const placements: Placement[] = [
  ...Object.values(collections as Registry),
  ...Object.values(singles),
  ...Object.values(settingPlacements),
];
export const DIGESTED_SECTIONS: readonly DigestedSection[] = planSections
  .map((s) => s.id)
  .filter((id): id is DigestedSection => placements.some((p) => p.section === id && p.fingerprint !== null));
export type SectionDigests = Record<DigestedSection, string>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** JSON with sorted keys and rounded numbers: equal content gives equal text. */
export function canonical(value: unknown): string {
  if (typeof value === "number") return JSON.stringify(round2(value));
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const hash = (value: unknown) => hex(digest(new TextEncoder().encode(canonical(value)))).slice(0, 32);

const byKey = (cells: DocContent["raciCells"]) =>
  [...cells].sort((a, b) => (`${a.rowId}:${a.columnId}` < `${b.rowId}:${b.columnId}` ? -1 : 1));

/** A row without the later-added fields that still hold their default (see `added` in the registry). */
function withoutAddedDefaults(spec: Registry[string], row: { id: string }): { id: string } {
  if (!spec.added?.length) return row;
  const defaults = spec.defaults as Record<string, unknown>;
  const out: Record<string, unknown> = { ...row };
  for (const field of spec.added) if (canonical(out[field]) === canonical(defaults[field])) delete out[field];
  return out as { id: string };
}

/**
 * What each section's fingerprint covers: every part of the document placed in it, under its
 * fingerprint key. A section of one part keyed by the section's own name is that part's value
 * itself, so the digests saved at earlier approvals stay comparable.
 */
export function sectionContent<R extends Registry = Collections>(
  c: NoInfer<ContentOf<R>>,
  registry: R = realRegistry(),
): Record<DigestedSection, unknown> {
  const parts = new Map<string, Record<string, unknown>>();
  const put = ({ section, fingerprint, addedLater }: Placement, value: unknown) => {
    if (fingerprint === null) return;
    if (addedLater && (value === null || (Array.isArray(value) && value.length === 0))) return;
    parts.set(section, { ...parts.get(section), [fingerprint]: value });
  };
  const rows = c as unknown as Record<string, { id: string }[]>;
  for (const [name, spec] of Object.entries(registry))
    put(
      spec,
      byId(rows[name] ?? []).map((r) => withoutAddedDefaults(spec, spec.stored ? spec.stored(r) : r)),
    );
  put(singles.raciCells, byKey(c.raciCells));
  put(singles.strategy, c.strategy);
  put(singles.scopeText, c.scopeText);
  for (const [key, placement] of Object.entries(settingPlacements))
    put(placement, c.settings[key as keyof typeof c.settings]);
  const out: Record<string, unknown> = {};
  for (const section of DIGESTED_SECTIONS) {
    const part = parts.get(section) ?? {};
    const keys = Object.keys(part);
    out[section] = keys.length === 1 && keys[0] === section ? part[section] : part;
  }
  return out as Record<DigestedSection, unknown>;
}

/** One digest per section. */
export function sectionDigests<R extends Registry = Collections>(
  c: NoInfer<ContentOf<R>>,
  registry: R = realRegistry(),
): SectionDigests {
  const parts = sectionContent(c, registry);
  return Object.fromEntries(DIGESTED_SECTIONS.map((s) => [s, hash(parts[s])])) as SectionDigests;
}

/** Sections whose digest differs from the approved one (sections unknown at approval count as unchanged). */
export function changedSections(approved: Partial<Record<string, string>>, current: SectionDigests): DigestedSection[] {
  return DIGESTED_SECTIONS.filter((s) => approved[s] !== undefined && approved[s] !== current[s]);
}
