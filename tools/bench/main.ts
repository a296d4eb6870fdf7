// `npm run bench [-- --only <group>]`: runs benchmark groups against real PostgreSQL and Redis and
// Loadbay's real processes, prints one flat JSON object of named figures on its last line and writes
// bench/results.json. Each figure is the median of several runs inside this one command; each group
// also measures a baseline in the same run so that figures can be read as ratios on a noisy machine.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../stack/processes";
import { GROUPS } from "./groups";

function parseArgs(argv: string[]): { only: string[]; runs: number } {
  const only: string[] = [];
  let runs = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--only") only.push(...(argv[++i] ?? "").split(",").filter(Boolean));
    else if (argv[i] === "--runs") runs = Math.max(3, Number(argv[++i]));
  }
  return { only, runs };
}

const { only, runs } = parseArgs(process.argv.slice(2));
const unknown = only.filter((g) => !(g in GROUPS));
if (unknown.length) {
  console.error(`unknown bench group(s): ${unknown.join(", ")}; known: ${Object.keys(GROUPS).join(", ")}`);
  process.exit(2);
}
const selected = only.length ? only : Object.keys(GROUPS);
const figures: Record<string, number> = {};
for (const name of selected) {
  console.error(`bench: ${name} (${runs} runs)`);
  // Figures keep the names their issues give them; two groups reporting the same name (each issue's own
  // `shopify_points_per_order`) keep both, the later one prefixed with its group.
  for (const [key, value] of Object.entries(await GROUPS[name]!({ runs }))) figures[key in figures ? `${name}_${key}` : key] = value;
}
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify({ at: new Date().toISOString(), groups: selected, figures }, null, 2)}\n`);
console.log(JSON.stringify(figures));
process.exit(0);
