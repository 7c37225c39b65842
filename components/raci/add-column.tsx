"use client";

import { useState, type FormEvent } from "react";
import type { Person } from "@/components/collab/plan-data";
import type { WriteResult } from "@/lib/doc";
import { Button } from "@/components/ui/button";

/** Add a workspace member or a named role as a column of the grid. */
export function AddColumn({
  members,
  onAddMember,
  onAddRole,
}: {
  members: readonly Person[];
  onAddMember: (m: Person) => WriteResult;
  onAddRole: (name: string) => WriteResult;
}) {
  const [memberId, setMemberId] = useState("");
  const [role, setRole] = useState("");
  const [error, setError] = useState<string | null>(null);
  const show = (r: WriteResult) => setError(r.ok ? null : r.problems.map((p) => p.message).join(" "));
  const addMember = (e: FormEvent) => {
    e.preventDefault();
    const m = members.find((x) => x.id === memberId);
    if (!m) return;
    const r = onAddMember(m);
    show(r);
    if (r.ok) setMemberId("");
  };
  const addRole = (e: FormEvent) => {
    e.preventDefault();
    if (!role.trim()) return setError("Give the role a name.");
    const r = onAddRole(role.trim());
    show(r);
    if (r.ok) setRole("");
  };
  return (
    <div className="mt-3 flex flex-wrap items-start gap-4 text-sm">
      <form onSubmit={addMember} className="flex gap-1">
        <select
          aria-label="Member to add as a column"
          value={memberId}
          onChange={(e) => setMemberId(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">{members.length ? "Choose a member…" : "Every member has a column"}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={!memberId} variant="secondary">
          Add member
        </Button>
      </form>
      <form onSubmit={addRole} className="flex gap-1">
        <input
          aria-label="New role name"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          maxLength={100}
          placeholder="Role, e.g. Security lead"
          className="rounded-md border border-slate-300 px-2 py-1"
        />
        <Button type="submit" variant="secondary">
          Add role
        </Button>
      </form>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
