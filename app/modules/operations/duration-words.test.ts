import { describe, expect, it } from "vitest";
import { durationInWords, hoursInWords } from "./duration-words";

const MIN = 60_000;

describe("durationInWords", () => {
  it.each([
    [0, "less than a minute"],
    [59_999, "less than a minute"],
    [MIN, "1 minute"],
    [45 * MIN, "45 minutes"],
    [60 * MIN, "1 hour"],
    [65 * MIN, "1 hour 5 minutes"],
    [26 * 60 * MIN + 7 * MIN, "1 day 2 hours"],
    [2 * 24 * 60 * MIN + 5 * MIN, "2 days"],
    [-5 * MIN, "less than a minute"],
  ])("%d ms → %s", (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });
});

describe("hoursInWords", () => {
  it.each([
    [3_600_000, "1 working hour"],
    [2.55 * 3_600_000, "2.5 working hours"],
    [17.9 * 3_600_000, "17 working hours"],
  ])("%d ms → %s", (ms, words) => {
    expect(hoursInWords(ms)).toBe(words);
  });
});
