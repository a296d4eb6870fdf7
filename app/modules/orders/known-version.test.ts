import { describe, expect, it } from "vitest";
import { isKnownVersion, onlyKnownVersionsPending, type KnownVersions } from "./known-version";

const t = (iso: string) => new Date(iso);
const order: KnownVersions = {
  evaluatedUpdatedAt: t("2026-11-20T10:00:00.000Z"),
  ownWriteStamps: [t("2026-11-20T10:05:00.400Z")],
  seen: { tags: ["b2b", "Sparklayer"], financialStatus: "PENDING" },
};
const same = { tags: ["sparklayer", "b2b"], financialStatus: "pending" };

describe("isKnownVersion", () => {
  it.each([
    ["an older version", "2026-11-20T09:59:59Z", null, true],
    ["the evaluated version (REST drops milliseconds)", "2026-11-20T10:00:00Z", null, true],
    ["the echo of Loadbay's own write", "2026-11-20T10:05:00Z", same, true],
    ["the echo, fingerprint in other case and order", "2026-11-20T10:05:00Z", { tags: ["B2B", "sparklayer"], financialStatus: "PENDING" }, true],
    ["a tag added in the same second as Loadbay's write", "2026-11-20T10:05:00Z", { ...same, tags: ["b2b", "sparklayer", "approved"] }, false],
    ["a payment in the same second as the evaluated version", "2026-11-20T10:00:00Z", { ...same, financialStatus: "paid" }, false],
    ["a newer change by someone else", "2026-11-20T10:02:00Z", same, false],
    ["a change after Loadbay's write", "2026-11-20T10:05:01Z", same, false],
  ])("%s → %s", (_name, at, fingerprint, known) => {
    expect(isKnownVersion(t(at), order, fingerprint)).toBe(known);
  });

  it("knows nothing about an order never evaluated", () => {
    expect(isKnownVersion(t("2026-11-20T10:00:00Z"), { evaluatedUpdatedAt: null, ownWriteStamps: [], seen: null })).toBe(false);
  });
});

describe("onlyKnownVersionsPending", () => {
  const known = { evaluatedUpdatedAt: t("2026-11-20T10:00:00Z"), ownWriteStamps: [t("2026-11-20T10:05:00Z")], seen: null, evaluationRevision: 4 };
  const echo = { revision: 4, updatedAt: "2026-11-20T10:05:00Z", fingerprint: null };
  it.each([
    ["an echo recorded late is the only change", [echo], true],
    ["nothing pending", [], false],
    ["an echo and a real change", [{ ...echo, revision: 3, updatedAt: "2026-11-20T10:03:00Z" }, echo], false],
    ["a change without a timestamp (manual, edit)", [{ revision: 4, updatedAt: null, fingerprint: null }], false],
    ["the latest revision has no note", [{ ...echo, revision: 3 }], false],
  ])("%s → %s", (_name, pending, expected) => {
    expect(onlyKnownVersionsPending(pending, known)).toBe(expected);
  });
});

describe("Loadbay's own warehouse-status tags", () => {
  const stamp = new Date("2026-11-20T10:05:00.400Z");
  const order = { evaluatedUpdatedAt: null, ownWriteStamps: [stamp], seen: { tags: ["sparklayer", "wms-shipped"], financialStatus: "PAID" } };
  it.each([
    { name: "the echo between removing the old status tag and adding the new one", tags: ["sparklayer"], known: true },
    { name: "the echo with both status tags", tags: ["sparklayer", "wms-partially-shipped", "wms-shipped"], known: true },
    { name: "a tag someone else added in the same second", tags: ["sparklayer", "hold"], known: false },
  ])("$name: known is $known", ({ tags, known }) => {
    expect(isKnownVersion(stamp, order, { tags, financialStatus: "PAID" })).toBe(known);
  });
});
