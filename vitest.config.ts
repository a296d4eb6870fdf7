import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Two projects: `unit` for pure code (no I/O), `integration` for anything that touches PostgreSQL,
// Redis, HTTP servers or child processes. Each integration file gets its own database schema and
// BullMQ prefix (test/support/), so files run in parallel and leave nothing behind.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    pool: "forks",
    poolOptions: { forks: { minForks: 1, maxForks: 2 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "test/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["test/support/unit-env.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "tools/**/*.test.ts"],
          environment: "node",
          setupFiles: ["test/support/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
