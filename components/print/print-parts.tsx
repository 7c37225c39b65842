import type { ReactNode } from "react";

/** Building blocks of the printed plan: section headings, tables that do not split rows, empty notes. */
export function PrintSection({
  id,
  number,
  title,
  children,
}: {
  id: string;
  number?: number;
  title: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mt-8 break-inside-auto">
      <h2 id={`${id}-title`} className="border-b border-slate-300 pb-1 text-xl font-semibold break-after-avoid">
        {number !== undefined && <span className="mr-2 text-slate-500">{number}.</span>}
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Sub({ children }: { children: ReactNode }) {
  return <h3 className="mt-4 text-base font-semibold break-after-avoid">{children}</h3>;
}

export function None({ children }: { children: ReactNode }) {
  return <p className="mt-2 text-sm text-slate-500 italic">{children}</p>;
}

export function Table({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <table aria-label={label} className="mt-3 w-full border-collapse text-left text-xs">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className="border-b-2 border-slate-300 px-2 py-1 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="break-inside-avoid">
            {r.map((c, j) => (
              <td key={j} className="border-b border-slate-200 px-2 py-1 align-top whitespace-pre-line">
                {c === null || c === undefined || c === "" ? "—" : c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Bullets({ items }: { items: string[] }) {
  return (
    <ul className="mt-2 list-disc pl-6 text-sm">
      {items.map((t, i) => (
        <li key={i}>{t}</li>
      ))}
    </ul>
  );
}

/** A server-rendered SVG shown as an image: scripts never run inside, and the alt text says what it is. */
export function Picture({ src, alt, testId }: { src: string; alt: string; testId: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL rendered on the server, nothing to optimise
    <img src={src} alt={alt} data-testid={testId} className="mt-3 h-auto max-w-full break-inside-avoid" />
  );
}
