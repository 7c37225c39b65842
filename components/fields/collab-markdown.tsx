"use client";

import { useEffect, useRef, useState } from "react";
import { useCollabClient } from "@/components/collab/collab-provider";
import { useEdit, useText } from "@/components/collab/plan-data";
import { textOf, type TextName } from "@/lib/doc";
import { MarkdownView } from "./markdown-view";
import { safeAwareness } from "@/components/collab/presence";
import { Empty } from "@/components/ui/empty";
import { Button } from "@/components/ui/button";

/** The editor's modules, fetched on first use (the "codemirror" meta-package is not used: only the @codemirror/* parts). */
const loadEditor = () =>
  Promise.all([
    import("@codemirror/view"),
    import("@codemirror/language"),
    import("@codemirror/lang-markdown"),
    import("y-codemirror.next"),
  ]).then(([view, language, markdown, binding]) => ({ view, language, markdown, binding }));

/** Enter inserts a plain line break (no command package needed for a Markdown text). */
function newline(view: import("@codemirror/view").EditorView): boolean {
  view.dispatch(view.state.replaceSelection("\n"), { scrollIntoView: true, userEvent: "input" });
  return true;
}

/**
 * Long-form Markdown bound to one of the document's Y.Text: rendered for reading (and on the
 * server's first paint), and, for editors who choose to edit, a CodeMirror 6 editor joined to the
 * Y.Text through y-codemirror.next, so people typing in the same paragraph both keep their words and
 * see each other's carets by name and colour.
 */
export function CollabMarkdown({
  name,
  label,
  empty,
  placeholder,
}: {
  name: TextName;
  label: string;
  empty: string;
  placeholder: string;
}) {
  const text = useText(name);
  const { editable } = useEdit();
  const [editing, setEditing] = useState(false);
  const active = editing && editable;
  return (
    <div className="mt-4">
      {active ? (
        <Editor name={name} label={label} placeholder={placeholder} text={text} />
      ) : text.trim() ? (
        <MarkdownView text={text} />
      ) : (
        <Empty className="">{empty}</Empty>
      )}
      {editable && (
        <div className="mt-2 flex items-center gap-3">
          <Button type="button" onClick={() => setEditing(!active)} aria-expanded={active} variant="secondary">
            {active ? "Done editing" : `Edit ${label.toLowerCase()}`}
          </Button>
          {active && (
            <span className="text-xs text-slate-500">
              Markdown: ## heading, - list, [link](https://…). Changes save as you type.
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function Editor({
  name,
  label,
  placeholder,
  text,
}: {
  name: TextName;
  label: string;
  placeholder: string;
  text: string;
}) {
  const client = useCollabClient();
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!client || !host.current) return;
    let cancelled = false;
    let destroy = () => {};
    const parent = host.current;
    // CodeMirror touches the DOM, so it is loaded only in the browser, when someone starts editing.
    void loadEditor().then(({ view: cm, language, markdown, binding }) => {
      if (cancelled) return;
      const { EditorView, keymap } = cm;
      const ytext = textOf(client.doc, name);
      // One history for the whole plan: Ctrl/⌘+Z in the editor and the plan's Undo button both undo
      // this person's last step, typing here included (never anyone else's).
      const undoManager = client.undo;
      const awareness = client.provider.awareness;
      const view = new EditorView({
        parent,
        doc: ytext.toString(),
        extensions: [
          keymap.of([...binding.yUndoManagerKeymap, { key: "Enter", run: newline }]),
          cm.drawSelection(),
          cm.highlightActiveLine(),
          language.syntaxHighlighting(language.defaultHighlightStyle, { fallback: true }),
          markdown.markdown(),
          EditorView.lineWrapping,
          cm.placeholder(placeholder),
          EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
          EditorView.theme({
            "&": {
              fontSize: "0.875rem",
              border: "1px solid #cbd5e1",
              borderRadius: "0.375rem",
              backgroundColor: "white",
            },
            "&.cm-focused": { outline: "2px solid #6366f1", outlineOffset: "1px" },
            ".cm-content": {
              minHeight: "10rem",
              padding: "0.5rem",
              fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
            },
          }),
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the binding takes any awareness-like object
          binding.yCollab(ytext, safeAwareness(awareness) as any, { undoManager }),
        ],
      });
      setLoaded(true);
      destroy = () => {
        // The binding stops feeding the shared history; what was typed stays undoable from the plan's Undo.
        view.destroy();
        // Others stop seeing a caret in a closed editor.
        if (awareness.getLocalState()?.cursor) awareness.setLocalStateField("cursor", null);
      };
      view.focus();
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [client, name, label, placeholder]);

  return (
    <div>
      <div ref={host} data-testid={`${name}-editor`} />
      {!loaded && (
        <div aria-busy="true">
          <p className="text-xs text-slate-500">Loading the editor…</p>
          <MarkdownView text={text} />
        </div>
      )}
    </div>
  );
}
