/**
 * The timeline as shown on screen, as a standalone SVG or PNG file. The chart's styles live in CSS
 * (gantt.css, frappe's own), which a file does not carry: each element of a copy gets the computed
 * values of the properties that draw it, inline. PNG is that SVG drawn onto a canvas.
 */
const PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
];

/** The chart's SVG element, or null when the timeline is not shown. */
export const chartSvg = () => document.querySelector<SVGSVGElement>('[data-testid="gantt-chart"] svg');

export function inlinedSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement;
    target.removeAttribute("class");
    target.setAttribute("style", PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(";"));
  });
  // Handles and presence overlays are for editing, not for a picture.
  copy.querySelectorAll(".pw-link-handles, .pw-overlay, .handle-group").forEach((n) => n.remove());
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(Number(svg.getAttribute("width")) || box.width);
  const height = Math.ceil(Number(svg.getAttribute("height")) || box.height);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#ffffff");
  copy.insertBefore(bg, copy.firstChild);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

export async function svgToPng(svg: { markup: string; width: number; height: number }): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.markup], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("The chart could not be drawn."));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    const scale = 2;
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The chart could not be drawn."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
