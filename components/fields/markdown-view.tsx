import Markdown, { type Components } from "react-markdown";

/**
 * Markdown written by plan members, rendered as React elements (raw HTML is never rendered; unsafe
 * link protocols are dropped by react-markdown). Headings start one level below the section's title
 * so the page outline stays in order, and links open in a new tab without handing it this page.
 */
const components: Components = {
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  h5: ({ children }) => <h6>{children}</h6>,
  h6: ({ children }) => <h6>{children}</h6>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  img: ({ alt }) => <span>{alt ? `[${alt}]` : ""}</span>,
};

export const proseClass =
  "text-sm leading-relaxed text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_h3]:mt-4 [&_h3]:text-base [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-2 [&_ul]:list-disc [&_ul]:pl-6 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600";

export function MarkdownView({ text }: { text: string }) {
  return (
    <div className={proseClass}>
      <Markdown components={components} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
