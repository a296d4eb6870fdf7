import { describe, expect, it } from "vitest";
import { workingCalendar, type WorkingWeek } from "./working-hours";

const OFFICE: WorkingWeek = { workingDays: [1, 2, 3, 4, 5], workdayStart: "08:00", workdayEnd: "18:00" };
const EVERY_DAY: WorkingWeek = { ...OFFICE, workingDays: [1, 2, 3, 4, 5, 6, 7] };
const NIGHTS: WorkingWeek = { ...OFFICE, workdayStart: "22:00", workdayEnd: "06:00" };
const at = (iso: string) => new Date(iso).getTime();
const hours = (ms: number) => ms / 3_600_000;

// 2026-11-23 is a Monday; Britain's clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
describe("workingCalendar.workingMs", () => {
  it.each([
    ["within one working day", OFFICE, "UTC", "2026-11-23T09:00Z", "2026-11-23T12:00Z", 3],
    ["before the day starts", OFFICE, "UTC", "2026-11-23T06:00Z", "2026-11-23T09:00Z", 1],
    ["after the day ends", OFFICE, "UTC", "2026-11-23T18:30Z", "2026-11-23T23:00Z", 0],
    ["across midnight", OFFICE, "UTC", "2026-11-23T17:00Z", "2026-11-24T09:00Z", 2],
    ["a whole working week", OFFICE, "UTC", "2026-11-23T00:00Z", "2026-11-30T00:00Z", 50],
    ["over a weekend", OFFICE, "UTC", "2026-11-27T16:00Z", "2026-11-30T10:00Z", 4],
    ["on a Saturday only", OFFICE, "UTC", "2026-11-28T09:00Z", "2026-11-28T17:00Z", 0],
    ["the end before the start", OFFICE, "UTC", "2026-11-24T09:00Z", "2026-11-23T09:00Z", 0],
    // 17:00 GMT Friday to 09:00 BST Monday: one hour each side, though the UTC clock shows 17:00 → 08:00.
    ["over the spring DST change in London", OFFICE, "Europe/London", "2026-03-27T17:00Z", "2026-03-30T08:00Z", 2],
    ["the 23-hour day itself keeps a 10-hour working day", EVERY_DAY, "Europe/London", "2026-03-28T18:00Z", "2026-03-29T17:00Z", 10],
    ["the 25-hour day itself keeps a 10-hour working day", EVERY_DAY, "Europe/London", "2026-10-24T17:00Z", "2026-10-25T18:00Z", 10],
    ["London in summer: 08:00 BST is 07:00 UTC", OFFICE, "Europe/London", "2026-06-01T07:00Z", "2026-06-01T08:00Z", 1],
    ["New York: the day starts at 13:00 UTC in winter", OFFICE, "America/New_York", "2026-11-23T12:00Z", "2026-11-23T15:00Z", 2],
    ["Kolkata: half-hour offset", OFFICE, "Asia/Kolkata", "2026-11-23T00:00Z", "2026-11-23T03:00Z", 0.5],
    ["Sydney: Monday morning is Sunday in UTC", OFFICE, "Australia/Sydney", "2026-11-22T21:00Z", "2026-11-22T23:00Z", 2],
    ["Sydney: Saturday morning is Friday in UTC", OFFICE, "Australia/Sydney", "2026-11-27T21:00Z", "2026-11-27T23:00Z", 0],
    ["a night shift across midnight", NIGHTS, "UTC", "2026-11-23T21:00Z", "2026-11-24T07:00Z", 8],
    ["Friday's night shift runs into Saturday", NIGHTS, "UTC", "2026-11-27T23:00Z", "2026-11-28T05:00Z", 6],
    ["Sunday's night is not a shift", NIGHTS, "UTC", "2026-11-29T22:00Z", "2026-11-30T06:00Z", 0],
    ["a night shift when the clocks go back is nine hours long", { ...NIGHTS, workingDays: [6] }, "Europe/London", "2026-10-24T12:00Z", "2026-10-25T12:00Z", 9],
  ])("%s", (_name, week, zone, from, to, expected) => {
    expect(hours(workingCalendar(week, zone).workingMs(at(from), at(to)))).toBe(expected);
  });
});

describe("workingCalendar.clockStartsAt", () => {
  it.each([
    ["before the cut-off: at once", "UTC", "2026-11-23T10:00Z", "14:00", "2026-11-23T10:00Z"],
    ["exactly at the cut-off: at once", "UTC", "2026-11-23T14:00Z", "14:00", "2026-11-23T14:00Z"],
    ["after the cut-off: next working day's start", "UTC", "2026-11-23T14:01Z", "14:00", "2026-11-24T08:00Z"],
    ["Friday after the cut-off: Monday", "UTC", "2026-11-27T15:00Z", "14:00", "2026-11-30T08:00Z"],
    ["on a Saturday: Monday", "UTC", "2026-11-28T10:00Z", "14:00", "2026-11-30T08:00Z"],
    ["before the day starts: at once (the window does the rest)", "UTC", "2026-11-23T05:00Z", "14:00", "2026-11-23T05:00Z"],
    ["the cut-off is local time", "America/New_York", "2026-11-23T19:30Z", "14:00", "2026-11-24T13:00Z"],
    ["Friday after the cut-off in GMT, Monday in BST", "Europe/London", "2026-03-27T15:00Z", "14:00", "2026-03-30T07:00Z"],
    ["early afternoon in Sydney is before its cut-off", "Australia/Sydney", "2026-11-23T02:00Z", "14:00", "2026-11-23T02:00Z"],
  ])("%s", (_name, zone, receivedAt, cutOff, expected) => {
    expect(new Date(workingCalendar(OFFICE, zone).clockStartsAt(at(receivedAt), cutOff)).toISOString()).toBe(new Date(expected).toISOString());
  });
});
