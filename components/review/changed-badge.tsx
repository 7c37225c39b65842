"use client";

import { useDocContent } from "@/components/collab/plan-data";
import type { DocContent } from "@/lib/doc/layout";
import { sectionDigests, type DigestedSection, type SectionDigests } from "@/lib/plan/section-digests";

// One fingerprint per version of the content, shared by every section's badge.
const cache = new WeakMap<DocContent, SectionDigests>();

/**
 * "Changed since approval" on a section whose content differs from what the approvers signed off.
 * Follows the live document, so it appears as soon as someone edits the section.
 */
export function ChangedBadge({ section, approved }: { section: DigestedSection; approved: string | undefined }) {
  const content = useDocContent();
  let digests = cache.get(content);
  if (!digests) cache.set(content, (digests = sectionDigests(content)));
  if (approved === undefined || digests[section] === approved) return null;
  return (
    <span className="ml-3 inline-block rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900">
      Changed since approval
    </span>
  );
}
