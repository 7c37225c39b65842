"use client";

import { useMemo } from "react";
import { useRows, useSettings } from "@/components/collab/plan-data";
import type { WorkingCalendar } from "@/lib/plan/types";

/** The plan's working calendar (weekdays and holidays), for duration-weighted progress. */
export function useCalendar(): WorkingCalendar {
  const { workingWeekdays } = useSettings();
  const holidays = useRows("holidays");
  return useMemo(
    () => ({ workingWeekdays, holidays: holidays.map((h) => ({ date: h.date, name: h.name })) }),
    [workingWeekdays, holidays],
  );
}
