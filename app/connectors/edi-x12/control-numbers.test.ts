import { describe, expect, it } from "vitest";
import { CONTROL_NUMBER_MAX, formatInterchangeNumber, formatTransactionNumber, nextControlNumbers, transactionNumber } from "./control-numbers";

describe("control numbers", () => {
  it("starts a connection at 1 and counts each number up by one", () => {
    expect(nextControlNumbers(null)).toEqual({ interchange: 1, group: 1, transaction: 1 });
    expect(nextControlNumbers({ interchange: 41, group: 6, transaction: 9 })).toEqual({ interchange: 42, group: 7, transaction: 10 });
  });

  it.each([
    [CONTROL_NUMBER_MAX, 1],
    [0, 1],
    [-5, 1],
    [CONTROL_NUMBER_MAX - 1, CONTROL_NUMBER_MAX],
  ])("after %i comes %i (wrap-around, never 0)", (last, next) => {
    expect(nextControlNumbers({ interchange: last, group: last, transaction: last })).toEqual({ interchange: next, group: next, transaction: next });
  });

  it("numbers the sets of one interchange on from the first, wrapping too", () => {
    expect([0, 1, 2].map((i) => transactionNumber(5, i))).toEqual([5, 6, 7]);
    expect(transactionNumber(CONTROL_NUMBER_MAX, 1)).toBe(1);
  });

  it("writes ISA-13 as 9 digits and ST-02 with at least 4", () => {
    expect(formatInterchangeNumber(42)).toBe("000000042");
    expect(formatTransactionNumber(7)).toBe("0007");
    expect(formatTransactionNumber(123456)).toBe("123456");
  });
});
