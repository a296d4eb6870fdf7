// A fault inside one transaction set's content, located the way a 997 AK3 locates it. Pure.
import type { Segment } from "./segments";

/** AK3-04, segment syntax error codes (element 720) that the document readers report. */
export type SegmentErrorCode = "3" | "8";

export interface SetProblem {
  /** The segment at fault, or the one that is missing. */
  segment: string;
  /** Position in the set counting ST as 1; null for a missing segment. */
  position: number | null;
  /** 3: mandatory segment missing; 8: segment has data element errors. */
  code: SegmentErrorCode;
  sentence: string;
}

/** Segments handed to readers start after ST, so the first is at position 2. */
export const positionOf = (segments: Segment[], s: Segment): number => segments.indexOf(s) + 2;

export const missing = (segment: string, sentence: string): SetProblem => ({ segment, position: null, code: "3", sentence });

export const badElement = (segments: Segment[], s: Segment, sentence: string): SetProblem => ({
  segment: s.tag, position: positionOf(segments, s), code: "8", sentence,
});

/** A whole number as X12 writes it ("12", "12.0", "-3"); null otherwise. */
export function wholeQuantity(text: string): number | null {
  if (!/^-?\d+(\.0*)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** The product id whose qualifier is `qualifier` in the (qualifier, id) pairs at `pairs`, else the first id. */
export function productId(s: Segment, pairs: [number, number][], qualifier: string): string {
  const values = pairs.map(([q, id]) => ({ q: s.elements[q - 1]?.trim() ?? "", id: s.elements[id - 1]?.trim() ?? "" })).filter((p) => p.id);
  return (values.find((p) => p.q === qualifier) ?? values[0])?.id ?? "";
}
