import { describe, expect, it } from "vitest";
import { isCsvFile, orderFileName, remotePath } from "./file-names";

describe("order file names", () => {
  it.each([
    ["the key as it is", "", "LB-1001-LEEDS-0-r0", "LB-1001-LEEDS-0-r0.csv", "LB-1001-LEEDS-0-r0.tmp"],
    ["with the connection's prefix", "ORD_", "LB-1001-LEEDS-0-r0", "ORD_LB-1001-LEEDS-0-r0.csv", "ORD_LB-1001-LEEDS-0-r0.tmp"],
  ])("%s", (_name, prefix, key, name, tmpName) => {
    expect(orderFileName(prefix, key)).toEqual({ name, tmpName });
  });

  it("is the same for the same key, and differs for every other key", () => {
    const keys = ["LB-1001-LEEDS-0-r0", "LB-1001-LEEDS-0-r1", "LB-1001-LEEDS-1-r0", "LB-1002-LEEDS-0-r0"];
    expect(keys.map((k) => orderFileName("", k).name)).toEqual(keys.map((k) => orderFileName("", k).name));
    expect(new Set(keys.map((k) => orderFileName("", k).name)).size).toBe(keys.length);
  });

  it("never lets a key with path characters escape the folder, and keeps such keys apart", () => {
    const a = orderFileName("", "../etc/passwd");
    const b = orderFileName("", "__etc_passwd");
    expect(a.name).toMatch(/^[A-Za-z0-9_-]+\.csv$/);
    expect(a.name).not.toBe(b.name);
    expect(orderFileName("", "../etc/passwd")).toEqual(a);
  });

  it.each([
    ["LB-1.csv", true],
    ["LB-1.CSV", true],
    ["LB-1.tmp", false],
    ["LB-1.csv.tmp", false],
    [".hidden.csv", false],
    ["LB-1.csv.err", false],
  ])("%s counts as a complete CSV file: %s", (name, expected) => {
    expect(isCsvFile(name)).toBe(expected);
  });

  it("joins folders with one slash", () => {
    expect(remotePath("/orders/", "a.csv")).toBe("/orders/a.csv");
    expect(remotePath("/", "a.csv")).toBe("/a.csv");
  });
});
