import { describe, expect, it } from "vitest";
import { isCorrected, requestFullSync, summarise } from "./inventory-page.use-case";
import type { SyncRunView } from "./inventory-admin.ports";
import { checkLocations, saveInventorySettings } from "./inventory-settings.use-case";
import type { InventorySettings } from "./inventory-settings.schema";

const T0 = new Date("2026-11-20T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const drift = { lastSeenAt: T0, warehouseQuantity: 10, demandQuantity: 3 };

describe("isCorrected (judged from Shopify's newest reading)", () => {
  it.each([
    ["no reading since the sync", { latestReadAt: T0, latestQuantity: 10 }, false],
    ["an older reading", { latestReadAt: later(-1), latestQuantity: 10 }, false],
    ["newer, equal to the warehouse", { latestReadAt: later(1), latestQuantity: 10 }, true],
    ["newer, below by exactly the demand", { latestReadAt: later(1), latestQuantity: 7 }, true],
    ["newer, below by more than the demand", { latestReadAt: later(1), latestQuantity: 6 }, false],
    ["newer, above the warehouse", { latestReadAt: later(1), latestQuantity: 11 }, false],
    ["newer, not stocked", { latestReadAt: later(1), latestQuantity: null }, false],
    ["never read", { latestReadAt: null, latestQuantity: null }, false],
  ])("%s", (_name, reading, expected) => {
    expect(isCorrected({ ...drift, ...reading })).toBe(expected);
  });
});

const run = (over: Partial<SyncRunView>): SyncRunView => ({ id: "r", status: "running", phase: "writing", total: 0, done: 0, unchanged: 0, stale: 0, points: 0, writeCalls: 0, message: null, startedAt: T0, finishedAt: null, ...over });

describe("summarise", () => {
  it("shows rows written of rows to write, rounded down, and 100 once done", () => {
    expect(summarise(run({ total: 3, done: 2 }), later(1000)).percent).toBe(66);
    expect(summarise(run({ total: 0 }), later(1000)).percent).toBe(0);
    expect(summarise(run({ status: "done", total: 0 }), later(1000)).percent).toBe(100);
  });
  it("stops calling a run running after two hours of silence (a dead worker)", () => {
    expect(summarise(run({}), later(2 * 3_600_000 - 1)).running).toBe(true);
    expect(summarise(run({}), later(2 * 3_600_000)).running).toBe(false);
    expect(summarise(run({ status: "done" }), later(1)).running).toBe(false);
  });
});

describe("requestFullSync", () => {
  const deps = (latest: SyncRunView | null, installed = true) => {
    const queued: string[] = [];
    return { queued, reader: { latestFullRun: async () => latest }, settings: { read: async () => (installed ? { settings: {} } : null) }, enqueueFullSync: async (j: { shop: string }) => void queued.push(j.shop), now: () => later(60_000) };
  };
  it("enqueues the schedule's job when nothing runs, and refuses while a run is going", async () => {
    const idle = deps(run({ status: "done" }));
    expect(await requestFullSync(idle, "a.myshopify.com")).toBe("queued");
    expect(idle.queued).toEqual(["a.myshopify.com"]);
    const busy = deps(run({}));
    expect(await requestFullSync(busy, "a.myshopify.com")).toBe("running");
    expect(busy.queued).toEqual([]);
    const gone = deps(null, false);
    expect(await requestFullSync(gone, "a.myshopify.com")).toBe("not-installed");
    expect(gone.queued).toEqual([]);
  });
});

describe("checkLocations", () => {
  const f = (code: string, shopifyLocationId: string) => ({ code, name: code, shopifyLocationId });
  it("marks shared locations, locations Shopify did not show, and Shopify locations no facility feeds", () => {
    const result = checkLocations([f("LEEDS", "L1"), f("BRIS", "L9"), f("A", "L2"), f("B", "L2")], ["L1", "L2", "L3"]);
    expect(result.facilities.map((x) => [x.code, x.check])).toEqual([["LEEDS", "ok"], ["BRIS", "not-seen"], ["A", "shared"], ["B", "shared"]]);
    expect(result.unmappedLocations).toEqual(["L3"]);
  });
  it("does not call a location missing before Shopify has been read", () => {
    expect(checkLocations([f("LEEDS", "L1")], []).facilities[0]?.check).toBe("ok");
  });
});

describe("saveInventorySettings", () => {
  const store = () => {
    const saved: InventorySettings[] = [];
    return { saved, store: { read: async () => ({ settings: {} }), writeInventory: async (_shop: string, s: InventorySettings) => (saved.push(s), true) } };
  };
  const base: [string, string][] = [["fullSyncEveryMinutes", "30"], ["clockSkewSeconds", "60"], ["globalBufferKind", "percent"], ["globalBufferValue", "2.5"]];
  const row = (sku: string, kind: string, value: string): [string, string][] => [["skuBuffer.sku", sku], ["skuBuffer.kind", kind], ["skuBuffer.value", value]];

  it("saves what the schema accepts", async () => {
    const s = store();
    const result = await saveInventorySettings(s, { shop: "a", entries: [...base, ...row("WIDGET", "units", "4"), ...row("GADGET", "percent", "10")] });
    expect(result?.ok).toBe(true);
    expect(s.saved[0]).toEqual({ fullSyncEveryMinutes: 30, clockSkewSeconds: 60, globalBuffer: { kind: "percent", value: 2.5 }, skuBuffers: [{ sku: "WIDGET", buffer: { kind: "units", value: 4 } }, { sku: "GADGET", buffer: { kind: "percent", value: 10 } }] });
  });
  it.each([
    ["an empty cadence", [["fullSyncEveryMinutes", ""]], "fullSyncEveryMinutes", "Enter a number."],
    ["a cadence over a day", [["fullSyncEveryMinutes", "1441"]], "fullSyncEveryMinutes", "Enter a number of at most 1440."],
    ["a global percentage over 100", [["globalBufferValue", "150"]], "globalBufferValue", "A percentage can be at most 100."],
  ] as [string, [string, string][], string, string][])("refuses %s with a sentence under the field, saving nothing", async (_n, change, field, sentence) => {
    const s = store();
    const entries = [...base.filter(([k]) => !change.some(([c]) => c === k)), ...change];
    const result = await saveInventorySettings(s, { shop: "a", entries });
    expect(result).toEqual({ ok: false, errors: { [field]: sentence } });
    expect(s.saved).toEqual([]);
  });
  it("names the row of a bad SKU buffer, and a SKU listed twice (case-blind)", async () => {
    const s = store();
    const bad = await saveInventorySettings(s, { shop: "a", entries: [...base, ...row("A", "units", "1"), ...row("B", "units", "-1"), ...row(" ", "units", "1")] });
    expect(bad).toEqual({ ok: false, errors: { "skuBuffers.1.value": "Enter a number of at least 0.", "skuBuffers.2.sku": "Enter the base SKU this buffer is for." } });
    const twice = await saveInventorySettings(s, { shop: "a", entries: [...base, ...row("widget", "units", "1"), ...row("WIDGET ", "units", "2")] });
    expect(twice).toEqual({ ok: false, errors: { "skuBuffers.1.sku": "WIDGET already has a buffer in row 1; keep one row per SKU." } });
    expect(s.saved).toEqual([]);
  });
});
