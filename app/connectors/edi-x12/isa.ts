// The ISA segment: the only fixed-width segment in X12. Its 16 elements have fixed widths, so it is 106
// characters with its terminator, and it names the separators: the element separator is character 4,
// the sub-element separator is ISA-16 and the segment terminator is the character after it. Pure.
import { err, ok, type Result } from "~/lib/result";
import type { Separators } from "./segments";

/** ISA-01 … ISA-16 widths (X12.5 interchange control structure). */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;
export const ISA_LENGTH = 106;

export interface IsaHeader {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** ISA-09 YYMMDD and ISA-10 HHMM, as written. */
  date: string;
  time: string;
  version: string;
  /** ISA-13 exactly as written (9 digits). */
  controlNumber: string;
  usage: string;
}

const SAFE_SEPARATOR = /^[^A-Za-z0-9 ]$/;

function fields(isa: string, separator: string): Result<string[], string> {
  const values: string[] = [];
  let at = 4;
  for (const [i, width] of ISA_WIDTHS.entries()) {
    values.push(isa.slice(at, at + width));
    at += width;
    const expected = i === ISA_WIDTHS.length - 1 ? null : separator;
    if (expected !== null && isa[at] !== expected) {
      return err(`The ISA segment is not in its fixed layout: ISA-${String(i + 1).padStart(2, "0")} must be exactly ${width} characters (padded with spaces).`);
    }
    at += 1;
  }
  return ok(values);
}

function checks(v: string[], s: Separators): string[] {
  const problems: string[] = [];
  const distinct = new Set([s.element, s.subElement, s.segment]);
  if (distinct.size < 3 || ![...distinct].every((c) => SAFE_SEPARATOR.test(c))) {
    problems.push(`The ISA separators (element “${s.element}”, sub-element “${s.subElement}”, segment “${s.segment}”) must be three different characters that are not letters, digits or spaces.`);
  }
  if (!/^\d{9}$/.test(v[12] ?? "")) problems.push(`ISA-13, the interchange control number, must be 9 digits, not “${v[12]}”.`);
  if (!/^\d{6}$/.test(v[8] ?? "") || !/^\d{4}$/.test(v[9] ?? "")) problems.push(`ISA-09 and ISA-10 must be a date YYMMDD and a time HHMM, not “${v[8]}” and “${v[9]}”.`);
  if (!/^\d{5}$/.test(v[11] ?? "")) problems.push(`ISA-12, the version, must be 5 digits such as 00401, not “${v[11]}”.`);
  if (!["P", "T", "I"].includes(v[14] ?? "")) problems.push(`ISA-15, the usage indicator, must be P, T or I, not “${v[14]}”.`);
  return problems;
}

/**
 * Reads the ISA at the start of `text` (after an optional byte-order mark and blank lines). A broken ISA
 * is fatal: without it the separators are unknown and nothing else can be read.
 */
export function readIsa(text: string): Result<{ header: IsaHeader; separators: Separators; rest: string }, string> {
  const start = text.replace(/^\uFEFF/, "").replace(/^\s+/, "");
  if (!start.startsWith("ISA")) return err("The file does not start with an ISA segment, so it is not an X12 interchange.");
  if (start.length < ISA_LENGTH) return err(`The ISA segment is cut short: it must be ${ISA_LENGTH} characters with its terminator.`);
  const element = start[3] ?? "";
  const values = fields(start, element);
  if (!values.ok) return values;
  const v = values.value;
  const version = v[11] ?? "";
  const repetition = version >= "00402" ? (v[10] ?? null) : null;
  const separators: Separators = { element, subElement: v[15] ?? "", segment: start[ISA_LENGTH - 1] ?? "", repetition };
  const problems = checks(v, separators);
  if (problems.length) return err(problems.join(" "));
  return ok({
    header: {
      senderQualifier: v[4] ?? "", senderId: (v[5] ?? "").trim(), receiverQualifier: v[6] ?? "", receiverId: (v[7] ?? "").trim(),
      date: v[8] ?? "", time: v[9] ?? "", version, controlNumber: v[12] ?? "", usage: v[14] ?? "",
    },
    separators,
    rest: start.slice(ISA_LENGTH),
  });
}
