// X12 text → segments, once the ISA has told us the separators. A segment is its tag and its elements,
// numbered as the standards number them: `element(seg, 1)` is W06-01. Pure.

export interface Separators {
  element: string;
  subElement: string;
  segment: string;
  /** ISA-11 from version 00402 on; null in 00401, where ISA-11 is the standards identifier "U". */
  repetition: string | null;
}

export interface Segment {
  tag: string;
  elements: string[];
  /** 1-based position in the file, for messages. */
  line: number;
}

/** Element `n` (1-based) trimmed, or "" when absent: X12 drops trailing empty elements. */
export const element = (segment: Segment, n: number): string => segment.elements[n - 1]?.trim() ?? "";

const TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * Splits what follows the ISA into segments. Line breaks after a terminator are layout, not data
 * (many partners write one segment per line). Anything after the last terminator is a cut-off segment.
 */
export function splitSegments(text: string, separators: Separators, firstLine: number): { segments: Segment[]; problems: string[] } {
  const pieces = text.split(separators.segment);
  const tail = pieces.pop() ?? "";
  const problems: string[] = [];
  const segments: Segment[] = [];
  pieces.forEach((raw, i) => {
    const piece = raw.replace(/^[\r\n]+/, "").replace(/\r$/, "");
    const line = firstLine + i;
    const [tag = "", ...elements] = piece.split(separators.element);
    if (!TAG.test(tag)) problems.push(`Segment ${line} (“${piece.slice(0, 20)}”) does not start with a segment tag.`);
    else segments.push({ tag, elements, line });
  });
  if (tail.trim() !== "") problems.push(`The file ends in the middle of a segment (“${tail.trim().slice(0, 20)}” has no segment terminator “${separators.segment}”).`);
  return { segments, problems };
}

/** The characters a value may not contain, or it would be read as structure. */
export function separatorIn(value: string, separators: Separators): string | null {
  const all = [separators.element, separators.subElement, separators.segment, separators.repetition].filter((s): s is string => s !== null);
  return all.find((s) => value.includes(s)) ?? null;
}
