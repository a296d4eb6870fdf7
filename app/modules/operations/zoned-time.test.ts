import { describe, expect, it } from "vitest";
import { addDays, dayKey, instantAt, isoWeekday, localDayOf } from "./zoned-time";

const iso = (ms: number) => new Date(ms).toISOString();

describe("instantAt", () => {
  it.each([
    ["UTC", "UTC", { year: 2026, month: 11, day: 23 }, 8 * 60, "2026-11-23T08:00:00.000Z"],
    ["London in winter", "Europe/London", { year: 2026, month: 1, day: 5 }, 8 * 60, "2026-01-05T08:00:00.000Z"],
    ["London in summer", "Europe/London", { year: 2026, month: 7, day: 6 }, 8 * 60, "2026-07-06T07:00:00.000Z"],
    ["a time the spring change skips comes out an hour later", "Europe/London", { year: 2026, month: 3, day: 29 }, 90, "2026-03-29T01:30:00.000Z"],
    ["a time the autumn change shows twice takes the first", "Europe/London", { year: 2026, month: 10, day: 25 }, 90, "2026-10-25T00:30:00.000Z"],
    ["past midnight rolls into the next day", "UTC", { year: 2026, month: 11, day: 23 }, 30 * 60, "2026-11-24T06:00:00.000Z"],
    ["Kolkata", "Asia/Kolkata", { year: 2026, month: 11, day: 23 }, 8 * 60, "2026-11-23T02:30:00.000Z"],
    ["Los Angeles", "America/Los_Angeles", { year: 2026, month: 11, day: 23 }, 8 * 60, "2026-11-23T16:00:00.000Z"],
  ])("%s", (_name, zone, day, minutes, expected) => {
    expect(iso(instantAt(day, minutes, zone))).toBe(expected);
  });
});

describe("calendar days", () => {
  it("takes the day from the zone, not from UTC", () => {
    expect(dayKey(localDayOf(new Date("2026-11-22T21:00Z"), "Australia/Sydney"))).toBe("2026-11-23");
    expect(dayKey(localDayOf(new Date("2026-11-23T03:00Z"), "America/New_York"))).toBe("2026-11-22");
  });
  it("adds days over month and year ends, and names ISO weekdays", () => {
    expect(dayKey(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe("2027-01-01");
    expect(dayKey(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe("2026-02-28");
    expect([isoWeekday({ year: 2026, month: 11, day: 23 }), isoWeekday({ year: 2026, month: 11, day: 29 })]).toEqual([1, 7]);
  });
});
