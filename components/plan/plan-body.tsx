import type { ReactNode } from "react";
import { DeliverablesSection } from "@/components/deliverables/section";
import { MetricsSection } from "@/components/metrics/section";
import { ObjectivesSection } from "@/components/objectives/section";
import { RaciSection } from "@/components/raci/section";
import { ResearchSection } from "@/components/research/section";
import { ResourcesSection } from "@/components/resources/section";
import { RisksSection } from "@/components/risks/section";
import { ScheduleSection } from "@/components/schedule/section";
import { ScopeSection } from "@/components/scope/section";
import { StakeholdersSection } from "@/components/stakeholders/section";
import { StrategySection } from "@/components/strategy/section";
import type { PlanSectionId } from "@/lib/plan/template";
import { CompletenessPanel } from "./completeness";
import { PlanSections } from "./plan-sections";
import { SectionNav } from "./section-nav";

/** Each section's body; the section frame (title, hint) comes from PlanSections. */
const bodies: Record<PlanSectionId, ReactNode> = {
  objectives: <ObjectivesSection />,
  scope: <ScopeSection />,
  deliverables: <DeliverablesSection />,
  stakeholders: <StakeholdersSection />,
  research: <ResearchSection />,
  strategy: <StrategySection />,
  schedule: <ScheduleSection />,
  risks: <RisksSection />,
  resources: <ResourcesSection />,
  raci: <RaciSection />,
  metrics: <MetricsSection />,
};

/** The template's sections with their navigation. Must be inside PlanLive. `headerSlot` adds extras per section. */
export function PlanBody({
  headerSlot,
  badgeSlot,
}: { headerSlot?: (id: PlanSectionId) => ReactNode; badgeSlot?: (id: PlanSectionId) => ReactNode } = {}) {
  return (
    <div className="mt-8 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <div className="lg:col-span-2">
        <CompletenessPanel />
      </div>
      <SectionNav />
      <PlanSections content={bodies} headerSlot={headerSlot} badgeSlot={badgeSlot} />
    </div>
  );
}
