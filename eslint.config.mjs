import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const envMessage = "Read the environment through lib/env.ts (validated, documented in the README).";

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
    // set up the environment of the processes they start; tool configs loaded by their tools; the collaboration
    // process's own validated settings.
    files: [
      "lib/env.ts",
      "**/*.test.ts",
      "e2e/**",
      "bench/**",
      "db/testing.ts",
      "db/test-database.ts",
      "lib/collab/test-helpers.ts",
      "lib/collab/faults/**",
      "lib/collab/config.ts",
      "lib/collab/standalone.ts",
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
