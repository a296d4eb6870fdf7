import { describe, expect, it } from "vitest";
import { stuckSettingsSchema, type StuckSettings } from "~/modules/fulfilments/operations-settings.schema";
import { findStuckOrders, type NotDispatchedCandidate, type NotSentCandidate } from "./stuck-orders";

// Defaults: 30 minutes to send; 16 working hours to dispatch, Monday–Friday 08:00–18:00, cut-off 14:00.
const defaults = stuckSettingsSchema.parse({});
const LEEDS = "11111111-1111-4111-8111-111111111111";

const released = (releasedAt: string): NotSentCandidate => ({ orderId: "o1", orderName: "#1001", companyName: "Acme", releasedAt: new Date(releasedAt), facilities: ["LEEDS"] });
const atWarehouse = (transmittedAt: string, over: Partial<NotDispatchedCandidate> = {}): NotDispatchedCandidate => ({
  orderId: "o2",
  orderName: "#1002",
  companyName: "Cobalt",
  warehouseOrderId: "w2",
  connectionId: LEEDS,
  connectionName: "Mintsoft Leeds",
  facilityCode: "LEEDS",
  transmittedAt: new Date(transmittedAt),
  ...over,
});

function stuck(input: { notSent?: NotSentCandidate[]; notDispatched?: NotDispatchedCandidate[] }, now: string, options: { settings?: Partial<StuckSettings>; timeZone?: string; dryRun?: boolean } = {}) {
  return findStuckOrders(
    { notSent: input.notSent ?? [], notDispatched: input.notDispatched ?? [] },
    { ...defaults, ...options.settings },
    { now: new Date(now), timeZone: options.timeZone ?? "UTC", dryRun: options.dryRun ?? false },
  );
}

describe("findStuckOrders: released but not sent", () => {
  it.each([
    ["29 minutes after the release", "2026-11-23T10:29Z", false],
    ["exactly 30 minutes after", "2026-11-23T10:30Z", false],
    ["31 minutes after", "2026-11-23T10:31Z", true],
  ])("%s → stuck %s", (_name, now, expected) => {
    expect(stuck({ notSent: [released("2026-11-23T10:00Z")] }, now).length > 0).toBe(expected);
  });

  it("on a Sunday too: sending does not wait for the warehouse's working hours", () => {
    expect(stuck({ notSent: [released("2026-11-29T10:00Z")] }, "2026-11-29T10:31Z")).toHaveLength(1);
  });

  it("never in dry run, where nothing is sent on purpose", () => {
    expect(stuck({ notSent: [released("2026-11-23T10:00Z")] }, "2026-11-24T10:00Z", { dryRun: true })).toEqual([]);
  });

  it("says how long and where", () => {
    const [order] = stuck({ notSent: [released("2026-11-23T10:00Z")] }, "2026-11-23T12:05Z", { settings: { releasedNotSentMinutes: 90 } });
    expect(order).toMatchObject({ kind: "not-sent", orderId: "o1", where: "LEEDS", waitingFor: "2 hours 5 minutes" });
    expect(order?.reason).toBe("Released but not yet sent to LEEDS; sending should take less than 1 hour 30 minutes.");
  });
});

describe("findStuckOrders: at the warehouse without a dispatch", () => {
  it.each([
    // Monday 09:00 + 16 working hours = Tuesday 15:00.
    ["Monday 09:00, Tuesday 15:00 (exactly 16)", "2026-11-23T09:00Z", "2026-11-24T15:00Z", {}, "UTC", false],
    ["Monday 09:00, Tuesday 15:01", "2026-11-23T09:00Z", "2026-11-24T15:01Z", {}, "UTC", true],
    // Friday 10:00: 8 hours on Friday, then the weekend counts nothing.
    ["Friday 10:00, Monday 15:00 (15 hours)", "2026-11-27T10:00Z", "2026-11-30T15:00Z", {}, "UTC", false],
    ["Friday 10:00, Monday 17:00 (17 hours)", "2026-11-27T10:00Z", "2026-11-30T17:00Z", {}, "UTC", true],
    // Monday 15:00 is after the 14:00 cut-off: counting starts Tuesday 08:00 (10 + 5 = 15 hours by Wednesday 13:00)…
    ["after the default cut-off", "2026-11-23T15:00Z", "2026-11-25T13:00Z", {}, "UTC", false],
    // …but this warehouse takes orders until 16:00, so Monday's last 3 hours count too (18 hours).
    ["before this warehouse's own later cut-off", "2026-11-23T15:00Z", "2026-11-25T13:00Z", { cutOffTimes: { [LEEDS]: "16:00" } }, "UTC", true],
    ["another warehouse's cut-off does not apply", "2026-11-23T15:00Z", "2026-11-25T13:00Z", { cutOffTimes: { other: "16:00" } }, "UTC", false],
    // New York: Monday 09:00 EST is 14:00 UTC; 16 working hours later is Tuesday 15:00 EST = 20:00 UTC.
    ["New York, just under", "2026-11-23T14:00Z", "2026-11-24T20:00Z", {}, "America/New_York", false],
    ["New York, just over", "2026-11-23T14:00Z", "2026-11-24T20:01Z", {}, "America/New_York", true],
    // London over the spring change: Friday 09:00 GMT + 9 hours, Monday 08:00–15:00 BST = 16 hours at 14:00 UTC.
    ["London over the DST change, just under", "2026-03-27T09:00Z", "2026-03-30T14:00Z", {}, "Europe/London", false],
    ["London over the DST change, just over", "2026-03-27T09:00Z", "2026-03-30T14:01Z", {}, "Europe/London", true],
    ["a lower threshold", "2026-11-23T09:00Z", "2026-11-23T12:01Z", { notDispatchedWorkingHours: 3 }, "UTC", true],
    ["a seven-day warehouse counts Saturday", "2026-11-27T10:00Z", "2026-11-28T17:01Z", { workingDays: [1, 2, 3, 4, 5, 6, 7] }, "UTC", true],
  ])("%s → stuck %s", (_name, transmittedAt, now, settings, timeZone, expected) => {
    expect(stuck({ notDispatched: [atWarehouse(transmittedAt)] }, now, { settings, timeZone }).length > 0).toBe(expected);
  });

  it("says where, how long in words and how many working hours", () => {
    const [order] = stuck({ notDispatched: [atWarehouse("2026-11-27T10:00Z")] }, "2026-11-30T17:00Z");
    expect(order).toMatchObject({ kind: "not-dispatched", orderId: "o2", where: "Mintsoft Leeds (LEEDS)", waitingFor: "3 days 7 hours" });
    expect(order?.reason).toBe("Mintsoft Leeds has had it for 17 working hours without a dispatch; you expect one within 16.");
  });

  it("lists the longest wait first, both kinds together, even in dry run for what did reach the warehouse", () => {
    const found = stuck(
      { notSent: [released("2026-11-30T09:00Z")], notDispatched: [atWarehouse("2026-11-25T09:00Z", { orderId: "late" }), atWarehouse("2026-11-23T09:00Z", { orderId: "later" })] },
      "2026-11-30T17:00Z",
    );
    expect(found.map((o) => o.orderId)).toEqual(["later", "late", "o1"]);
    expect(stuck({ notDispatched: [atWarehouse("2026-11-23T09:00Z")] }, "2026-11-30T17:00Z", { dryRun: true })).toHaveLength(1);
  });
});
