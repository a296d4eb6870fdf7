import { describe, expect, it } from "vitest";
import { readDashboard, type DashboardReader } from "./dashboard.use-case";

const NOW = new Date("2026-11-23T12:00:00Z"); // a Monday

function fakeReader(shop: { dryRun: boolean; settings?: unknown } | null) {
  const calls: Record<string, unknown[]> = {};
  const note = (name: string, args: unknown[]) => ((calls[name] = args), undefined);
  const reader: DashboardReader = {
    shop: async () => (shop ? { timezone: "Europe/London", dryRun: shop.dryRun, settings: shop.settings ?? {} } : null),
    notSent: async (...args) => (note("notSent", args), [{ orderId: "o1", orderName: "#1", companyName: null, releasedAt: new Date("2026-11-23T10:00Z"), facilities: ["LEEDS"] }]),
    notDispatched: async (...args) => (note("notDispatched", args), []),
    openExceptionsByKind: async () => [{ kind: "unmapped-service", count: 2 }],
    ordersPerDay: async (...args) => (note("ordersPerDay", args), [{ day: "2026-11-23", count: 3 }]),
    dispatchesOfRecentOrders: async (...args) => (note("dispatches", args), []),
  };
  return { reader, calls };
}

describe("readDashboard", () => {
  it("asks the reader only for what can already be stuck, by the shop's thresholds", async () => {
    const { reader, calls } = fakeReader({ dryRun: false, settings: { operations: { stuck: { releasedNotSentMinutes: 90, notDispatchedWorkingHours: 20 } } } });
    const dashboard = await readDashboard({ reader }, "a.myshopify.com", NOW);
    expect(calls.notSent?.[1]).toEqual(new Date("2026-11-23T10:30:00Z"));
    expect(calls.notDispatched?.[1]).toEqual(new Date("2026-11-22T16:00:00Z"));
    // 30 days in London ending today: from 25 October, midnight (still BST on the 25th until 01:00 UTC).
    expect(calls.ordersPerDay?.slice(1)).toEqual([new Date("2026-10-24T23:00:00Z"), "Europe/London"]);
    expect(dashboard?.stuck.map((s) => s.orderId)).toEqual(["o1"]);
    expect(dashboard?.ordersPerDay).toHaveLength(30);
    expect(dashboard?.ordersPerDay.at(-1)).toEqual({ day: "2026-11-23", value: 3 });
    expect(dashboard?.exceptionsByKind).toEqual([{ kind: "unmapped-service", count: 2 }]);
  });

  it("does not look for unsent orders in dry run", async () => {
    const { reader, calls } = fakeReader({ dryRun: true });
    const dashboard = await readDashboard({ reader }, "a.myshopify.com", NOW);
    expect(calls.notSent).toBeUndefined();
    expect(dashboard?.stuck).toEqual([]);
  });

  it("is null for an unknown shop", async () => {
    expect(await readDashboard({ reader: fakeReader(null).reader }, "b.myshopify.com", NOW)).toBeNull();
  });
});
