/**
 * A fingerprint of one approval part's content (lib/plan/parts.ts): sha256 over the canonical JSON
 * of the sections the part covers, as `sectionContent` reads them. Equal content gives the same
 * fingerprint from the live document and from the projection. Server-side (node:crypto).
 */
import { createHash } from "node:crypto";
import type { DocContent } from "@/lib/doc/layout";
import { approvalParts, type ApprovalPartId } from "./parts";
import { canonical, sectionContent, type DigestedSection } from "./section-digests";

export function partFingerprint(content: DocContent, partId: ApprovalPartId): string {
  const part = approvalParts.find((p) => p.id === partId)!;
  const sections = sectionContent(content) as Record<string, unknown>;
  const covered = Object.fromEntries(
    (part.sections as readonly string[]).map((s) => [s, sections[s as DigestedSection] ?? null]),
  );
  return createHash("sha256")
    .update(canonical({ part: part.id, sections: covered }))
    .digest("hex");
}
