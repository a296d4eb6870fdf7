// `prisma generate` without Prisma's binary download host (unreachable from these machines).
// The CLI only checks that engine files exist at start-up; generation itself runs on WebAssembly,
// so an empty placeholder satisfies the check. See docs/decisions/0001-prisma-6-offline-migrations.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const placeholder = join(process.cwd(), "node_modules", ".prisma-engine-placeholder");
mkdirSync(join(process.cwd(), "node_modules"), { recursive: true });
if (!existsSync(placeholder)) writeFileSync(placeholder, "");

const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
  PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const args = ["prisma", "generate", ...process.argv.slice(2)];
const result = spawnSync("npx", ["--no-install", ...args], { stdio: "inherit", env });
process.exit(result.status ?? 1);
