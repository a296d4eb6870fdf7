// `npm run chaos [-- --only <scenario>]`: runs failure scenarios against Loadbay's real processes,
// PostgreSQL and Redis, and prints one JSON object per scenario with `lost` and `duplicated` counts
// (the last line is all of them, flat). Later issues add scenarios (transmit, transmit-edi, …).
import { intakeChaos } from "./intake.chaos";
import { transmitChaos } from "./transmit.chaos";
import { transmitEdiChaos } from "./transmit-edi.chaos";

type Scenario = () => Promise<{ lost: number; duplicated: number } & Record<string, number>>;
const SCENARIOS: Record<string, Scenario> = { intake: intakeChaos, transmit: transmitChaos, "transmit-edi": transmitEdiChaos };

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",").filter(Boolean) : Object.keys(SCENARIOS);
const unknown = only.filter((s) => !(s in SCENARIOS));
if (unknown.length) {
  console.error(`unknown chaos scenario(s): ${unknown.join(", ")}; known: ${Object.keys(SCENARIOS).join(", ")}`);
  process.exit(2);
}
const flat: Record<string, number> = {};
let failed = false;
for (const name of only) {
  console.error(`chaos: ${name}`);
  const result = await SCENARIOS[name]!();
  console.error(JSON.stringify({ scenario: name, ...result }));
  for (const [k, v] of Object.entries(result)) flat[only.length === 1 ? k : `${name}_${k}`] = v;
  failed ||= result.lost !== 0 || result.duplicated !== 0;
}
console.log(JSON.stringify(flat));
process.exit(failed ? 1 : 0);
