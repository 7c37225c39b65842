/**
 * The 5×5 risk matrix as a picture: likelihood up, impact across, each cell coloured by the plan's
 * score band and listing the references (R1, R2 …) of the risks in it. Pure; labels are escaped.
 */
import { heatMap } from "@/lib/plan/risk";
import type { Risk, RiskBand, RiskBandId } from "@/lib/plan/types";
import { escapeXml } from "./svg";

const bandColour: Record<RiskBandId, string> = {
  low: "#bbf7d0",
  medium: "#fef08a",
  high: "#fdba74",
  critical: "#fca5a5",
};
const CELL = 84;
const LEFT = 64;
const TOP = 16;

export function riskMatrixSvg(risks: readonly (Risk & { ref: string })[], bands: readonly RiskBand[]): string {
  const grid = heatMap(risks, bands);
  const refOf = new Map(risks.map((r) => [r.id, r.ref]));
  const width = LEFT + CELL * 5 + 16;
  const height = TOP + CELL * 5 + 52;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Risk matrix" font-family="sans-serif" font-size="11">`,
    `<title>Risk matrix</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const x = LEFT + c * CELL;
      const y = TOP + r * CELL;
      const fill = cell.band ? bandColour[cell.band] : "#f1f5f9";
      out.push(
        `<rect class="cell" data-likelihood="${cell.likelihood}" data-impact="${cell.impact}" x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill}" stroke="#ffffff" stroke-width="2"/>`,
      );
      out.push(`<text x="${x + 6}" y="${y + 14}" fill="#475569">${cell.score}</text>`);
      const refs = cell.riskIds.map((id) => refOf.get(id) ?? "?");
      // Up to three lines of references per cell, the rest summarised.
      const lines: string[] = [];
      for (let i = 0; i < refs.length && lines.length < 3; i += 4) lines.push(refs.slice(i, i + 4).join(" "));
      if (refs.length > 12) lines[2] = `+${refs.length - 8} more`;
      lines.forEach((line, i) =>
        out.push(
          `<text x="${x + CELL / 2}" y="${y + 36 + i * 14}" text-anchor="middle" font-weight="bold" fill="#0f172a">${escapeXml(line)}</text>`,
        ),
      );
    }),
  );
  for (let i = 0; i < 5; i++) {
    out.push(
      `<text x="${LEFT - 8}" y="${TOP + i * CELL + CELL / 2 + 4}" text-anchor="end" fill="#334155">${5 - i}</text>`,
    );
    out.push(
      `<text x="${LEFT + i * CELL + CELL / 2}" y="${TOP + 5 * CELL + 16}" text-anchor="middle" fill="#334155">${i + 1}</text>`,
    );
  }
  out.push(
    `<text x="${LEFT + (5 * CELL) / 2}" y="${TOP + 5 * CELL + 36}" text-anchor="middle" fill="#0f172a" font-weight="bold">Impact →</text>`,
  );
  out.push(
    `<text transform="translate(16 ${TOP + (5 * CELL) / 2}) rotate(-90)" text-anchor="middle" fill="#0f172a" font-weight="bold">Likelihood →</text>`,
  );
  out.push("</svg>");
  return out.join("");
}
