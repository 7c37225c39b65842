// Loaded with `node --import` before server.ts: lets modules marked `import "server-only"`
// load in the plain Node process too (Next.js resolves that marker itself inside its bundles).
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }
    `),
);
