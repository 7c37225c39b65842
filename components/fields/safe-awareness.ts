import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { colorFor } from "@/components/collab/colors";

const HEX = /^#[0-9a-f]{6}$/i;

/** A remote cursor only if it decodes: a peer's malformed state must not break our editor. */
function cleanCursor(cursor: unknown) {
  if (!cursor || typeof cursor !== "object") return null;
  const { anchor, head } = cursor as { anchor?: unknown; head?: unknown };
  try {
    Y.createRelativePositionFromJSON(anchor);
    Y.createRelativePositionFromJSON(head);
    return { anchor, head };
  } catch {
    return null;
  }
}

/**
 * The awareness as the CodeMirror binding sees it. Remote states come from other browsers, and the
 * binding writes `user.color` into a style attribute, so only a plain hex colour and a short name
 * pass through; everything else of this client's own state is untouched.
 */
export function safeAwareness(awareness: Awareness) {
  return {
    doc: awareness.doc,
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field: string, value: unknown) => awareness.setLocalStateField(field, value),
    on: (event: "change", fn: (...args: unknown[]) => void) => awareness.on(event, fn),
    off: (event: "change", fn: (...args: unknown[]) => void) => awareness.off(event, fn),
    getStates: () => {
      const out = new Map<
        number,
        { user: { name: string; color: string; colorLight: string }; cursor: ReturnType<typeof cleanCursor> }
      >();
      for (const [clientId, state] of awareness.getStates()) {
        const u = (state.user ?? {}) as { id?: unknown; name?: unknown; color?: unknown };
        const color =
          typeof u.color === "string" && HEX.test(u.color)
            ? u.color
            : colorFor(typeof u.id === "string" ? u.id : String(clientId));
        const name = typeof u.name === "string" && u.name.trim() ? u.name.slice(0, 80) : "Someone";
        out.set(clientId, { user: { name, color, colorLight: `${color}33` }, cursor: cleanCursor(state.cursor) });
      }
      return out;
    },
  };
}
