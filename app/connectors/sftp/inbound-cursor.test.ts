import { describe, expect, it } from "vitest";
import { acknowledgedFiles, encodeCursor } from "./inbound-cursor";

const file = { name: "/dispatches/DSP_1.csv", contentHash: "a".repeat(64) };

describe("inbound cursor", () => {
  it("names the page's files, and acknowledges exactly those", () => {
    expect(acknowledgedFiles("dispatch", encodeCursor("dispatch", [file]))).toEqual([file]);
  });

  it("is null for an empty page (nothing to acknowledge)", () => {
    expect(encodeCursor("stock", [])).toBeNull();
  });

  it.each([
    ["no cursor", null],
    ["another feed's cursor", encodeCursor("stock", [file])],
    ["a cursor from another connector", "2026-11-22T10:00:00.000Z"],
    ["a tampered hash", JSON.stringify({ v: 1, kind: "dispatch", files: [{ name: "x", contentHash: "nope" }] })],
  ])("acknowledges nothing for %s", (_name, cursor) => {
    expect(acknowledgedFiles("dispatch", cursor)).toEqual([]);
  });
});
