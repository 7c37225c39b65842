"use client";

import { useEffect } from "react";
import { planSections } from "@/lib/plan/template";
import { initials } from "./colors";
import { useCollabClient, useCollabState } from "./collab-provider";
import { usePeers } from "./presence";
import { Button } from "@/components/ui/button";

const sectionTitle = Object.fromEntries(planSections.map((s) => [s.id, s.title]));

/** Connection badge, saved indicator, who else is here, and undo / redo of one's own edits. */
export function CollabStatus() {
  const client = useCollabClient();
  const s = useCollabState();
  const peers = usePeers();

  useEffect(() => {
    if (!client) return;
    const onKey = (e: KeyboardEvent) => {
      // Read at key time: someone made a viewer while the plan is open has nothing left to undo.
      if (client.readOnly || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
      // Text fields keep their own undo for the characters being typed.
      if ((e.target as HTMLElement | null)?.closest?.("input, textarea, [contenteditable]")) return;
      e.preventDefault();
      if (e.shiftKey) client.undo.redo();
      else client.undo.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client]);

  const badge = {
    connecting: ["Connecting…", "bg-slate-100 text-slate-700"],
    connected: ["Live", "bg-emerald-100 text-emerald-800"],
    reconnecting: ["Reconnecting…", "bg-amber-100 text-amber-800"],
    offline: [s.save === "unsaved" ? "Offline — unsynced changes" : "Offline", "bg-amber-100 text-amber-900"],
    refused: ["Not connected", "bg-red-100 text-red-800"],
  }[s.connection];

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-label="Live collaboration">
      <span
        role="status"
        data-testid="connection-badge"
        data-state={s.connection}
        className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${badge[1]}`}
      >
        {badge[0]}
      </span>
      {!client?.readOnly && (
        <span
          data-testid="save-indicator"
          data-state={s.save}
          aria-live="polite"
          className={`text-xs ${s.save === "held" ? "font-medium text-amber-800" : "text-slate-500"}`}
        >
          {
            {
              saved: "All changes saved",
              saving: "Saving…",
              held: "Not saved yet: the server cannot reach its database. Your changes are kept and will be saved when it is back.",
              unsaved: "Changes not saved yet",
            }[s.save]
          }
        </span>
      )}
      {client?.readOnly && <span className="text-xs text-slate-500">Read only</span>}
      {s.roleChange && (
        <span role="status" data-testid="role-change" className="text-xs font-medium text-amber-800">
          {s.roleChange === "now-viewer"
            ? `Your role on this plan changed: you can now only view it.${s.save === "saved" ? "" : " Changes of yours that were not saved yet were not kept."}`
            : "Your role on this plan changed: you can now edit it. Reload the page to start editing."}
          {s.roleChange === "now-editor" && (
            <button
              type="button"
              onClick={() => location.reload()}
              className="ml-2 rounded px-1.5 py-0.5 underline hover:bg-amber-50"
            >
              Reload
            </button>
          )}
        </span>
      )}
      {s.refusal && (
        <span role="alert" className="text-xs font-medium text-red-700">
          {s.refusal}
        </span>
      )}
      <ul aria-label="People on this plan" className="flex -space-x-1.5">
        {peers.map((p) => (
          <li
            key={p.userId}
            title={p.section ? `${p.name} — in ${sectionTitle[p.section] ?? p.section}` : p.name}
            className="flex h-7 w-7 items-center justify-center rounded-full text-xs font-semibold text-white ring-2 ring-white"
            style={{ backgroundColor: p.color }}
          >
            <span aria-hidden>{initials(p.name)}</span>
            <span className="sr-only">{p.name}</span>
          </li>
        ))}
      </ul>
      {!client?.readOnly && (
        <span className="flex gap-1">
          <Button type="button" onClick={() => client?.undo.undo()} disabled={!s.canUndo} variant="ghost" size="xs">
            Undo
          </Button>
          <Button type="button" onClick={() => client?.undo.redo()} disabled={!s.canRedo} variant="ghost" size="xs">
            Redo
          </Button>
        </span>
      )}
    </div>
  );
}
