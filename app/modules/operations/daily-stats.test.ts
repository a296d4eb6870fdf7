import { describe, expect, it } from "vitest";
import { countsOnDays, lastDays, median, medianHoursToDispatch, type DispatchOfOrder } from "./daily-stats";

describe("lastDays", () => {
  it("ends today in the shop's zone, oldest first", () => {
    expect(lastDays(new Date("2026-11-23T10:00Z"), "UTC", 3)).toEqual(["2026-11-21", "2026-11-22", "2026-11-23"]);
    // 23:30 UTC on the 23rd is already the 24th in Tokyo, still the 23rd in Los Angeles.
    expect(lastDays(new Date("2026-11-23T23:30Z"), "Asia/Tokyo", 2)).toEqual(["2026-11-23", "2026-11-24"]);
    expect(lastDays(new Date("2026-11-23T23:30Z"), "America/Los_Angeles", 2)).toEqual(["2026-11-22", "2026-11-23"]);
    expect(lastDays(new Date("2026-03-02T12:00Z"), "UTC", 30)).toHaveLength(30);
    expect(lastDays(new Date("2026-03-02T12:00Z"), "UTC", 30)[0]).toBe("2026-02-01");
  });
});

describe("countsOnDays", () => {
  it("puts a zero on days without orders and ignores days outside the range", () => {
    expect(countsOnDays(["2026-11-22", "2026-11-23"], [{ day: "2026-11-23", count: 4 }, { day: "2026-10-01", count: 9 }])).toEqual([
      { day: "2026-11-22", value: 0 },
      { day: "2026-11-23", value: 4 },
    ]);
  });
});

describe("median", () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
    [[1.04, 1.06], 1.1],
  ])("%j → %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("medianHoursToDispatch", () => {
  const days = ["2026-11-22", "2026-11-23", "2026-11-24"];
  const order = (orderId: string, orderedAt: string, ...shipped: (string | null)[]): DispatchOfOrder[] =>
    shipped.map((shippedAt) => ({ orderId, orderedAt: new Date(orderedAt), shippedAt }));

  it("takes each order's first dispatch and the median per day of that dispatch", () => {
    const dispatches = [
      ...order("a", "2026-11-22T08:00Z", "2026-11-23T08:00Z", "2026-11-22T20:00Z"), // first: 12 h, on the 22nd
      ...order("b", "2026-11-22T10:00Z", "2026-11-23T12:00Z"), // 26 h
      ...order("c", "2026-11-23T09:00Z", "2026-11-23T11:00Z"), // 2 h
      ...order("d", "2026-11-23T00:00Z", "2026-11-23T06:00Z"), // 6 h
    ];
    expect(medianHoursToDispatch(days, dispatches, "UTC")).toEqual([
      { day: "2026-11-22", value: 12 },
      { day: "2026-11-23", value: 6 },
      { day: "2026-11-24", value: null },
    ]);
  });

  it("groups by the day of dispatch in the shop's zone", () => {
    // 20:00 UTC on the 22nd is 05:00 on the 23rd in Tokyo.
    const dispatches = order("a", "2026-11-22T08:00Z", "2026-11-22T20:00Z");
    expect(medianHoursToDispatch(days, dispatches, "Asia/Tokyo").map((d) => d.value)).toEqual([null, 12, null]);
  });

  it("skips unreadable times and dispatches dated before their order", () => {
    const dispatches = [...order("a", "2026-11-23T08:00Z", null, "not a date"), ...order("b", "2026-11-23T08:00Z", "2026-11-23T07:00Z"), ...order("c", "2026-11-23T08:00Z", "2026-11-23T11:30:00.000Z")];
    expect(medianHoursToDispatch(days, dispatches, "UTC").map((d) => d.value)).toEqual([null, 3.5, null]);
  });

  it("is empty (all null) without dispatches", () => {
    expect(medianHoursToDispatch(days, [], "UTC").every((d) => d.value === null)).toBe(true);
  });
});
