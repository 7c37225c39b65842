import Markdown from "react-markdown";
import type { ExportModel } from "@/lib/export/model";
import { linkTargets, researchKindLabels, resolveLinks } from "@/lib/plan/research";
import { byQuadrant, frequencyLabels, quadrantLabel, quadrantOf } from "@/lib/plan/stakeholders";
import { None, Sub, Table } from "./print-parts";

/** The printed Stakeholders section: the register, then the power/interest grid as four boxes. */
export function StakeholdersPrint({ m }: { m: ExportModel }) {
  const rows = m.content.stakeholders;
  if (rows.length === 0) return <None>No stakeholders yet.</None>;
  return (
    <>
      <Table
        label="Stakeholders"
        head={["Stakeholder", "Interest", "Influence", "Quadrant", "Receives", "Communication"]}
        rows={rows.map((s) => [
          <>
            <strong>{s.name || "Unnamed"}</strong>
            {s.role && <span className="block text-slate-600">{s.role}</span>}
          </>,
          s.interest,
          s.influence,
          quadrantLabel(quadrantOf(s)),
          s.deliverableIds.map(m.deliverableName).filter(Boolean).join(", "),
          [s.channel, s.frequency ? frequencyLabels[s.frequency] : "", s.ownerId ? `by ${m.nameOf(s.ownerId)}` : ""]
            .filter(Boolean)
            .join(" · "),
        ])}
      />
      <Sub>Power/interest grid</Sub>
      <div className="mt-2 grid grid-cols-2 gap-2 break-inside-avoid text-xs" aria-label="Power/interest grid">
        {byQuadrant(rows).map((q) => (
          <div key={q.id} className="rounded border border-slate-300 p-2">
            <p className="font-semibold">
              {q.label} <span className="font-normal text-slate-600">({q.hint})</span>
            </p>
            <p className="mt-1">{q.rows.map((s) => s.name || "Unnamed").join(", ") || "—"}</p>
          </div>
        ))}
      </div>
    </>
  );
}

/** The printed Research section: each entry with its findings and what they informed. */
export function ResearchPrint({ m }: { m: ExportModel }) {
  const entries = m.content.researchEntries;
  if (entries.length === 0) return <None>No research recorded yet.</None>;
  const targets = linkTargets(m.content);
  return (
    <>
      {entries.map((r) => (
        <div key={r.id} className="mt-3 break-inside-avoid">
          <h3 className="font-semibold">{r.title || "Untitled research"}</h3>
          <p className="text-xs text-slate-600">
            {researchKindLabels[r.kind]} · {r.date ?? "no date"}
            {r.participants.trim() && ` · ${r.participants}`}
          </p>
          {r.findings.trim() ? (
            <div className="mt-1 text-sm [&_li]:mt-1 [&_p]:mt-2 [&_ul]:list-disc [&_ul]:pl-6">
              <Markdown skipHtml>{r.findings}</Markdown>
            </div>
          ) : (
            <None>No findings recorded.</None>
          )}
          <p className="mt-1 text-xs">
            Informs:{" "}
            {resolveLinks(r.linkedIds, targets)
              .map((t) => `${t.kind} “${t.label}”`)
              .join(", ") || "—"}
          </p>
        </div>
      ))}
    </>
  );
}
