import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, WORKER_NODE_FLAGS } from "../../tools/stack/processes";

describe("the worker's V8 flags", () => {
  it("are the same for `npm run worker` as for the demo, tests and benchmarks", () => {
    const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.worker!;
    expect(WORKER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(script).toBe(`node ${WORKER_NODE_FLAGS.join(" ")} --import tsx app/jobs/worker.server.ts`);
  });
});
