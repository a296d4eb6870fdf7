import { describe, expect, it } from "vitest";
import { CONTROL_NUMBER_MAX } from "./control-numbers";
import { firstTaken, SEQUENCE } from "./transport-record";

const last = (interchange: number, group: number, transaction: number) => ({ [SEQUENCE.interchange]: interchange, [SEQUENCE.group]: group, [SEQUENCE.transaction]: transaction });

describe("firstTaken: the numbers of a range from the counters' new last values", () => {
  it.each([
    ["a connection's first 940", last(1, 1, 1), 1, { interchange: 1, group: 1, transaction: 1 }],
    ["the next one", last(42, 7, 9), 1, { interchange: 42, group: 7, transaction: 9 }],
    ["a 997 of three sets", last(10, 10, 12), 3, { interchange: 10, group: 10, transaction: 10 }],
    ["a range across the wrap", last(1, 1, 1), 2, { interchange: 1, group: 1, transaction: CONTROL_NUMBER_MAX }],
  ])("%s", (_name, counters, sets, expected) => {
    expect(firstTaken(counters, sets)).toEqual(expected);
  });
});
