"use client";

import { useMemo } from "react";
import { usePlanData, useRows } from "@/components/collab/plan-data";
import { SelectField, type Option } from "./select-field";
import type { Commit } from "./use-draft";

const NONE = "";

/**
 * Pick a person: the plan's people (resources) or a workspace member who is not listed there.
 * Stores the resource id or the member's user id, as tasks, deliverables and risks expect.
 */
export function PersonField({
  label,
  value,
  onCommit,
  editable,
  hideLabel,
  className,
}: {
  label: string;
  value: string | null;
  onCommit: Commit<string | null>;
  editable: boolean;
  hideLabel?: boolean;
  className?: string;
}) {
  const options = usePeopleOptions(value);
  return (
    <SelectField
      label={label}
      value={value ?? NONE}
      options={options}
      onCommit={(v) => onCommit(v === NONE ? null : v)}
      editable={editable}
      hideLabel={hideLabel}
      className={className}
    />
  );
}

function usePeopleOptions(current: string | null): Option[] {
  const resources = useRows("resources");
  const { members } = usePlanData();
  return useMemo(() => {
    const people = resources.filter((r) => r.kind === "person");
    const listed = new Set(people.map((r) => r.userId).filter(Boolean));
    const options: Option[] = [{ value: NONE, label: "No one" }];
    for (const r of people)
      options.push({ value: r.id, label: r.role ? `${r.name} (${r.role})` : r.name, group: "People on this plan" });
    for (const m of members)
      if (!listed.has(m.id)) options.push({ value: m.id, label: m.name, group: "Workspace members" });
    // Someone no longer on the plan keeps showing rather than silently becoming "No one".
    if (current && !options.some((o) => o.value === current))
      options.push({ value: current, label: "Someone no longer on the plan" });
    return options;
  }, [resources, members, current]);
}
