// Lint: TypeScript-aware rules plus the one that keeps the layers honest (docs/style.md, convention 1):
// routes/jobs → modules → interfaces; persistence, shopify and connectors implement module interfaces;
// nothing imports upward. test/integration/lint-boundaries.test.ts proves each rule fires.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const pattern = (group, message) => ({ group, message });

const INFRA = ["@prisma/client", "@prisma/*", "bullmq", "ioredis", "pg", "@shopify/*", "graphql-request"];
const noUp = (layers) =>
  layers.map((l) => pattern([`~/${l}`, `~/${l}/*`, `**/${l}/*`, `**/${l}`], `imports point down: nothing below may import ${l}`));

export const boundaryRules = [
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            pattern(INFRA, "app/modules holds rules and use cases: reach infrastructure through an interface (ports)"),
            ...noUp(["routes", "jobs", "persistence", "connectors", "shopify", "sources", "composition.server"]),
            pattern(["~/lib/db.server", "~/lib/redis.server", "**/lib/db.server", "**/lib/redis.server"], "app/modules may not touch the database or Redis directly"),
          ],
        },
      ],
    },
  },
  {
    files: ["app/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: noUp(["routes", "jobs", "modules", "persistence", "connectors", "shopify", "sources", "composition.server"]) },
      ],
    },
  },
  {
    files: ["app/persistence/**/*.{ts,tsx}", "app/shopify/**/*.{ts,tsx}", "app/connectors/**/*.{ts,tsx}", "app/sources/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: noUp(["routes", "jobs", "composition.server"]) }],
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/jobs/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            pattern(["@prisma/client", "pg", "graphql-request"], "routes and processors translate; data access belongs behind a use case"),
            ...noUp(["persistence", "connectors"]),
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "public/build/**", ".cache/**", "test/fixtures/**", "extensions/**/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["tools/**/*.{ts,mjs}", "test/**/*.ts", "**/*.test.ts"],
    rules: { "no-console": "off" },
  },
  ...boundaryRules,
);
