import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.server";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("info", stream), lines };
}

describe("logger", () => {
  it("masks secrets wherever they appear", () => {
    const { log, lines } = capture();
    log.info({ accessToken: "shpat_1", connection: { password: "pw", apiKey: "ak" }, headers: { authorization: "Bearer x" } }, "call");
    const out = lines.join("");
    for (const secret of ["shpat_1", '"pw"', '"ak"', "Bearer x"]) expect(out).not.toContain(secret);
    expect(out).toContain("[masked]");
  });

  it("carries shop, order and job context from child bindings", () => {
    const { log, lines } = capture();
    log.child({ shop: "a.myshopify.com", orderId: "o1", jobId: "j1" }).info("hello");
    expect(JSON.parse(lines[0]!)).toMatchObject({ shop: "a.myshopify.com", orderId: "o1", jobId: "j1", msg: "hello" });
  });
});
