import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const envMessage = "Read the environment through lib/env.ts (validated, documented in the README).";

/**
 * Imports of one part of the app, by alias (`@/lib/collab/…`) or by a relative path (`../../lib/collab/…`,
 * or `../collab/…` from inside lib/).
 */
const layer = (dir, message) => ({
  regex: `^(@/|(\\.\\./)+)${dir.startsWith("lib/") ? `(lib/)?${dir.slice(4)}` : dir}(/|$)`,
  message,
});

/** The layering: app → lib/services → lib/access → db (queries); lib/plan is pure and stands apart. */
const boundaries = [
  {
    files: ["db/**"],
    ignores: ["db/cli/**"],
    forbid: ["lib/collab", "lib/services", "lib/access", "app", "components"],
    why: "the data layer is below the collaboration engine, the services and the pages",
  },
  { files: ["components/**"], forbid: ["db"], why: "components get their data from pages, through lib/services" },
  { files: ["app/**"], forbid: ["db"], why: "pages, actions and routes go through lib/services" },
  {
    files: ["lib/access/**"],
    forbid: ["lib/services", "app", "components"],
    why: "the access layer sits below the services",
  },
  { files: ["lib/services/**"], forbid: ["app", "components"], why: "services are called by pages, never the reverse" },
  {
    files: ["lib/plan/**"],
    forbid: ["db", "lib/collab", "lib/services", "lib/access", "components", "app"],
    why: "lib/plan holds pure domain rules, used in the browser and on the server alike",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value taken apart on purpose (e.g. dropping a field with a rest pattern).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: envMessage }],
    },
  },
  {
    // Where process.env is read directly: the validator itself; tests, end-to-end and benchmark tooling, which
    // set up the environment of the processes they start; tool configs loaded by their tools.
    files: [
      "lib/env.ts",
      "**/*.test.ts",
      "e2e/**",
      "bench/**",
      "db/testing.ts",
      "db/test-database.ts",
      "lib/testing/**",
      "lib/collab/faults/**",
      "drizzle.config.ts",
      "next.config.ts",
      "playwright.config.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // server.ts hands values to the Next.js bundles through the environment: writes only.
    files: ["server.ts"],
    rules: {
      "no-restricted-properties": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.name='process'][property.name='env']:not(AssignmentExpression > MemberExpression.left > MemberExpression.object)",
          message: envMessage,
        },
        {
          selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
          message: envMessage,
        },
      ],
    },
  },
  ...boundaries.map(({ files, ignores, forbid, why }) => ({
    files,
    // Tests set up their data through any layer; db/cli holds entry points, which may use them all.
    ignores: ["**/*.test.ts", ...(ignores ?? [])],
    rules: {
      "no-restricted-imports": ["error", { patterns: forbid.map((dir) => layer(dir, `No ${dir} here: ${why}.`)) }],
    },
  })),
  {
    // Test files have no React components; `use…` helpers there register test hooks, not React hooks.
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
