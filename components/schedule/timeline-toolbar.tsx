"use client";

/**
 * The timeline's controls: scale (Day … Year), zoom to the plan's span, full screen, the way to the
 * schedule page, and the legend of what the chart's colours and marks mean.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { VIEW_MODES, type ViewMode } from "./view-modes";

export function ScaleButtons({ value, onChange }: { value: ViewMode; onChange: (m: ViewMode) => void }) {
  return (
    <div role="group" aria-label="Timeline scale" className="flex overflow-hidden rounded-md border border-slate-300">
      {VIEW_MODES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={value === m}
          onClick={() => onChange(m)}
          className={`min-h-6 px-2 py-1 text-xs ${value === m ? "bg-slate-800 text-white" : "hover:bg-slate-50"}`}
        >
          {m}
        </button>
      ))}
    </div>
  );
}

/**
 * Full screen for an element: the Fullscreen API where there is one, otherwise (or when it is
 * refused, e.g. inside a frame) the element is laid over the whole window.
 */
export function useFullScreen(target: RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  /** Whether the browser's full screen is in use (left with its own Escape), or the overlay. */
  const viaApi = useRef(false);
  useEffect(() => {
    const sync = () => {
      if (!document.fullscreenElement && viaApi.current) {
        viaApi.current = false;
        setOn(false);
      }
    };
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  useEffect(() => {
    if (!on) return;
    const esc = (e: KeyboardEvent) => e.key === "Escape" && !document.fullscreenElement && setOn(false);
    document.addEventListener("keydown", esc);
    return () => document.removeEventListener("keydown", esc);
  }, [on]);
  const toggle = useCallback(async () => {
    const el = target.current;
    if (!el) return;
    if (on) {
      viaApi.current = false;
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => {});
      setOn(false);
      return;
    }
    if (el.requestFullscreen)
      await el.requestFullscreen().then(
        () => (viaApi.current = true),
        () => {},
      );
    setOn(true);
  }, [on, target]);
  return { on, toggle };
}

export function TimelineActions({
  onFit,
  fullScreen,
  onFullScreen,
}: {
  onFit: () => void;
  fullScreen: boolean;
  onFullScreen: () => void;
}) {
  const path = usePathname();
  // The plan page and the read-only link's page both have a schedule page below them.
  const page = path && !path.endsWith("/schedule") ? `${path.replace(/\/$/, "")}/schedule` : null;
  return (
    <div className="flex flex-wrap items-center gap-1">
      <Button type="button" size="sm" variant="secondary" className="min-h-6" onClick={onFit}>
        Zoom to fit
      </Button>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        className="min-h-6"
        aria-pressed={fullScreen}
        onClick={onFullScreen}
      >
        {fullScreen ? "Exit full screen" : "Full screen"}
      </Button>
      {page && (
        <Link href={page} className="min-h-6 px-2 py-1 text-xs text-indigo-700 underline" prefetch={false}>
          Open full schedule
        </Link>
      )}
    </div>
  );
}

const SWATCHES: [string, string, string][] = [
  ["legend-critical", "Critical path", "h-3 w-6 rounded-sm border-2 border-red-600 bg-red-200"],
  ["legend-bar", "Task (darker part: done)", "h-3 w-6 rounded-sm bg-indigo-200"],
  ["legend-baseline", "Baseline (saved dates)", "h-1 w-6 rounded-sm bg-slate-500"],
  ["legend-late", "Late against the baseline", "h-3 w-6 rounded-sm border-2 border-dashed border-red-800"],
  ["legend-risk", "Linked risk", "h-3 w-6 rounded-sm border-2 border-amber-600"],
  ["legend-milestone", "Milestone", "h-2.5 w-2.5 rotate-45 bg-slate-900"],
  ["legend-today", "Today", "h-3 w-0.5 bg-rose-500"],
];

/** What the colours and marks mean, and how the link arrows read. */
export function TimelineLegend() {
  return (
    <ul
      aria-label="Timeline legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700"
      data-testid="timeline-legend"
    >
      {SWATCHES.map(([id, label, cls]) => (
        <li key={id} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block ${cls}`} />
          {label}
        </li>
      ))}
      <li>Links: FS end→start, SS start→start, FF end→end, SF start→end; lag as +2d / −1d</li>
    </ul>
  );
}
