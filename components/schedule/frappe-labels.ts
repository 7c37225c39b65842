/**
 * Bar labels placed in one pass (every width read first, then every label moved, so the browser
 * lays the chart out once). A label goes in the middle of its bar when it fits with room to spare
 * and does not sit under the progress handle; otherwise after the bar's end (frappe-gantt's place
 * for long labels), so no letter is ever clipped or hidden.
 */
import type { FrappeBar } from "frappe-gantt";

const ROOM = 6; // px kept clear on each side of a label inside its bar, and around the progress handle

export function placeLabels(bars: FrappeBar[]) {
  const labels = bars.map((bar) => bar.group.querySelector<SVGTextElement>(".bar-label"));
  const widths = labels.map((label) => (label && label.isConnected ? label.getBBox().width : -1));
  bars.forEach((bar, i) => {
    const label = labels[i];
    const lw = widths[i]!;
    if (!label || lw < 0) return;
    const x = bar.$bar.getX();
    const width = bar.$bar.getWidth();
    const inside = x + width / 2 - lw / 2;
    const handle = bar.group.querySelector(".handle.progress");
    const hx = handle ? Number(handle.getAttribute("cx")) : NaN;
    const underHandle = handle !== null && hx + ROOM > inside && hx - ROOM < inside + lw;
    const big = lw + 2 * ROOM > width || underHandle;
    label.classList.toggle("big", big);
    label.setAttribute("x", String(big ? x + width + 5 : inside));
  });
}
