// Runs the Prisma CLI offline (see tools/prisma-generate.mjs for why the placeholder exists).
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function runPrismaCli(args: string[]): string {
  const placeholder = join(process.cwd(), "node_modules", ".prisma-engine-placeholder");
  if (!existsSync(placeholder)) writeFileSync(placeholder, "");
  const result = spawnSync("npx", ["--no-install", "prisma", ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed:\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}
