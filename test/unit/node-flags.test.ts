import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from "../../tools/stack/processes";

const scripts = () => (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the V8 flags of the processes", () => {
  it("are the same for `npm run worker` as for the worker in the demo, tests and benchmarks", () => {
    expect(WORKER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(scripts().worker).toBe(`node ${WORKER_NODE_FLAGS.join(" ")} --import tsx app/jobs/worker.server.ts`);
  });

  it("are the same for `npm start` as for the web process in the demo, tests and benchmarks", () => {
    expect(WEB_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(scripts().start).toBe(`node ${WEB_NODE_FLAGS.join(" ")} --import tsx server.ts`);
  });
});
