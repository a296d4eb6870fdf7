// Interchange envelopes: ISA/GS/ST … SE/GE/IEA. Reading walks the segments once and records every
// envelope fault where a 997 reports it (AK5 per transaction set, AK9 per group, the rest for the whole
// interchange), so one bad count never hides another. Building goes through node-x12, which computes
// the trailers and pads the ISA (decision 0022). Pure.
import { X12Interchange, X12Parser } from "node-x12";
import { err, ok, type Result } from "~/lib/result";
import { formatInterchangeNumber, formatTransactionNumber, transactionNumber, type ControlNumbers } from "./control-numbers";
import { readIsa, type IsaHeader } from "./isa";
import { element, separatorIn, splitSegments, type Segment, type Separators } from "./segments";

/** AK5-02 … : transaction set syntax error codes (element 718) that envelope reading can find. */
export type SetErrorCode = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "23";
/** AK9-05 … : functional group syntax error codes (element 716). */
export type GroupErrorCode = "3" | "4" | "5" | "6" | "19";

export interface EnvelopeError<C extends string> {
  code: C;
  sentence: string;
}

export interface ReadTransaction {
  /** ST-01, e.g. "945". */
  setId: string;
  /** ST-02 as written. */
  controlNumber: string;
  /** The segments between ST and SE. */
  segments: Segment[];
  errors: EnvelopeError<SetErrorCode>[];
}

export interface ReadGroup {
  /** GS-01, e.g. "SW". */
  functionalId: string;
  /** GS-06 as written. */
  controlNumber: string;
  sender: string;
  receiver: string;
  version: string;
  /** GE-01 when it is a number; null without a readable GE. */
  declaredCount: number | null;
  transactions: ReadTransaction[];
  errors: EnvelopeError<GroupErrorCode>[];
}

export interface ReadInterchange {
  header: IsaHeader;
  separators: Separators;
  groups: ReadGroup[];
  /** Faults of the interchange itself (IEA, segments outside any set, a second interchange). */
  problems: string[];
}

const setName = (t: { setId: string; controlNumber: string }) => `transaction set ${t.setId} ${t.controlNumber}`;
const groupName = (g: { functionalId: string; controlNumber: string }) => `group ${g.functionalId} ${g.controlNumber}`;

class EnvelopeWalker {
  readonly groups: ReadGroup[] = [];
  readonly problems: string[];
  private group: ReadGroup | null = null;
  private set: (ReadTransaction & { count: number }) | null = null;
  ended = false;
  private afterEnd = false;

  constructor(private readonly header: IsaHeader, problems: string[]) {
    this.problems = problems;
  }

  segment(s: Segment): void {
    if (this.ended) {
      // One sentence for whatever follows the IEA; the rest would repeat it.
      if (this.afterEnd) return;
      this.afterEnd = true;
      this.problems.push(s.tag === "ISA" ? "The file holds a second interchange after the IEA; Loadbay takes one interchange per file." : `Segment ${s.line} (${s.tag}) comes after the IEA trailer.`);
      return;
    }
    if (s.tag === "GS") return this.openGroup(s);
    if (s.tag === "GE") return this.closeGroup(s);
    if (s.tag === "ST") return this.openSet(s);
    if (s.tag === "SE") return this.closeSet(s);
    if (s.tag === "IEA") return this.closeInterchange(s);
    if (s.tag === "ISA") return void this.problems.push("A second ISA starts before the first interchange's IEA.");
    if (this.set) {
      this.set.segments.push(s);
      this.set.count += 1;
    } else this.problems.push(`Segment ${s.line} (${s.tag}) is outside any transaction set (ST … SE).`);
  }

  private openGroup(s: Segment): void {
    this.endOpenGroup();
    const controlNumber = element(s, 6);
    const group: ReadGroup = {
      functionalId: element(s, 1), controlNumber, sender: element(s, 2), receiver: element(s, 3), version: element(s, 8), declaredCount: null, transactions: [], errors: [],
    };
    if (!/^\d{1,9}$/.test(controlNumber)) group.errors.push({ code: "6", sentence: `GS-06, the group control number, must be 1 to 9 digits, not “${controlNumber}”.` });
    if (this.groups.some((g) => g.controlNumber === controlNumber)) {
      group.errors.push({ code: "19", sentence: `Group control number ${controlNumber} appears twice in the interchange.` });
    }
    this.groups.push(group);
    this.group = group;
  }

  private closeGroup(s: Segment): void {
    this.endOpenSet();
    const group = this.group;
    if (!group) return void this.problems.push(`Segment ${s.line} (GE) closes a group that was never opened (no GS).`);
    const declared = element(s, 1);
    group.declaredCount = /^\d{1,6}$/.test(declared) ? Number(declared) : null;
    if (declared !== String(group.transactions.length)) {
      group.errors.push({ code: "5", sentence: `GE-01 of ${groupName(group)} says ${declared || "nothing"} transaction sets; the group holds ${group.transactions.length}.` });
    }
    if (element(s, 2) !== group.controlNumber) {
      group.errors.push({ code: "4", sentence: `GE-02 (${element(s, 2)}) does not match GS-06 (${group.controlNumber}).` });
    }
    this.group = null;
  }

  private openSet(s: Segment): void {
    this.endOpenSet();
    const group = this.group;
    if (!group) return void this.problems.push(`Segment ${s.line} (ST) is outside a functional group (GS … GE).`);
    const set = { setId: element(s, 1), controlNumber: element(s, 2), segments: [], errors: [], count: 1 } as ReadTransaction & { count: number };
    if (!/^\d{3}$/.test(set.setId)) set.errors.push({ code: "6", sentence: `ST-01 must be a 3-digit transaction set identifier, not “${set.setId}”.` });
    if (!/^\d{4,9}$/.test(set.controlNumber)) set.errors.push({ code: "7", sentence: `ST-02 must be 4 to 9 digits, not “${set.controlNumber}”.` });
    if (group.transactions.some((t) => t.controlNumber === set.controlNumber)) {
      set.errors.push({ code: "23", sentence: `Transaction set control number ${set.controlNumber} appears twice in ${groupName(group)}.` });
    }
    group.transactions.push(set);
    this.set = set;
  }

  private closeSet(s: Segment): void {
    const set = this.set;
    if (!set) return void this.problems.push(`Segment ${s.line} (SE) closes a transaction set that was never opened (no ST).`);
    const counted = set.count + 1;
    if (element(s, 1) !== String(counted)) {
      set.errors.push({ code: "4", sentence: `SE-01 of ${setName(set)} says ${element(s, 1) || "nothing"} segments; the set has ${counted} (ST and SE included).` });
    }
    if (element(s, 2) !== set.controlNumber) {
      set.errors.push({ code: "3", sentence: `SE-02 (${element(s, 2)}) does not match ST-02 (${set.controlNumber}).` });
    }
    this.set = null;
  }

  private closeInterchange(s: Segment): void {
    this.endOpenGroup();
    if (element(s, 1) !== String(this.groups.length)) {
      this.problems.push(`IEA-01 says ${element(s, 1) || "nothing"} functional groups; the interchange holds ${this.groups.length}.`);
    }
    if (!/^\d{1,9}$/.test(element(s, 2)) || Number(element(s, 2)) !== Number(this.header.controlNumber)) {
      this.problems.push(`IEA-02 (${element(s, 2)}) does not match ISA-13 (${this.header.controlNumber}).`);
    }
    this.ended = true;
  }

  endOpenSet(): void {
    if (!this.set) return;
    this.set.errors.push({ code: "2", sentence: `${setName(this.set)} has no SE trailer.` });
    this.set = null;
  }

  endOpenGroup(): void {
    this.endOpenSet();
    if (!this.group) return;
    this.group.errors.push({ code: "3", sentence: `${groupName(this.group)} has no GE trailer.` });
    this.group = null;
  }
}

/** node-x12's own parser must agree: a second, independent reading of what we accept. */
function libraryObjection(text: string): string | null {
  try {
    new X12Parser(true).parse(text.replace(/^\uFEFF/, "").replace(/^\s+/, ""));
    return null;
  } catch (e) {
    return `The X12 parser refuses the interchange: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export const envelopeFaults = (r: ReadInterchange): string[] => [
  ...r.problems,
  ...r.groups.flatMap((g) => [...g.errors.map((e) => e.sentence), ...g.transactions.flatMap((t) => t.errors.map((e) => e.sentence))]),
];

/**
 * Reads and checks an interchange's envelopes. `err` only when the ISA is unreadable; every other fault
 * is recorded in the result, at the level a 997 reports it.
 */
export function readEnvelope(text: string): Result<ReadInterchange, string> {
  const isa = readIsa(text);
  if (!isa.ok) return isa;
  const { header, separators, rest } = isa.value;
  const split = splitSegments(rest, separators, 2);
  const walker = new EnvelopeWalker(header, split.problems);
  for (const s of split.segments) walker.segment(s);
  if (!walker.ended) {
    walker.endOpenGroup();
    walker.problems.push("The IEA trailer is missing: the file may be cut off.");
  }
  const read: ReadInterchange = { header, separators, groups: walker.groups, problems: walker.problems };
  if (envelopeFaults(read).length === 0) {
    const objection = libraryObjection(text);
    if (objection) read.problems.push(objection);
  }
  return ok(read);
}

export interface EnvelopeParties {
  sender: { qualifier: string; interchangeId: string; groupCode: string };
  receiver: { qualifier: string; interchangeId: string; groupCode: string };
  usage: "P" | "T";
  /** GS-08, e.g. 004010; ISA-12 is its first five digits. */
  version: string;
  separators: Separators;
  lineBreaks: boolean;
}

export interface OutboundTransaction {
  setId: string;
  segments: { tag: string; elements: string[] }[];
}

export interface InterchangeToWrite {
  parties: EnvelopeParties;
  control: ControlNumbers;
  /** The partner's wall clock at creation: YYMMDD / CCYYMMDD and HHMM. */
  clock: { date: string; time: string };
  functionalId: string;
  transactions: OutboundTransaction[];
}

function unsafeValue(input: InterchangeToWrite): string | null {
  for (const t of input.transactions) {
    for (const s of t.segments) {
      for (const [i, value] of s.elements.entries()) {
        const found = separatorIn(value, input.parties.separators);
        if (found) return `${s.tag}-${String(i + 1).padStart(2, "0")} (“${value}”) contains “${found}”, which the interchange uses as a separator.`;
      }
    }
  }
  return null;
}

/**
 * One interchange with one functional group. Deterministic: the same input (numbers and clock included)
 * gives the same bytes, so a retry of a lost upload writes the same file.
 */
export function buildInterchange(input: InterchangeToWrite): Result<{ text: string; last: ControlNumbers }, string> {
  const unsafe = unsafeValue(input);
  if (unsafe) return err(unsafe);
  const { parties: p, control } = input;
  const s = p.separators;
  const options = {
    elementDelimiter: s.element, segmentTerminator: s.segment, subElementDelimiter: s.subElement,
    ...(s.repetition ? { repetitionDelimiter: s.repetition } : {}), endOfLine: "\n", format: p.lineBreaks,
  };
  const isaVersion = p.version.slice(0, 5);
  const interchange = new X12Interchange(options);
  interchange.setHeader([
    "00", "", "00", "", p.sender.qualifier, p.sender.interchangeId, p.receiver.qualifier, p.receiver.interchangeId,
    input.clock.date.slice(2), input.clock.time, isaVersion >= "00402" && s.repetition ? s.repetition : "U", isaVersion,
    formatInterchangeNumber(control.interchange), "0", p.usage, s.subElement,
  ]);
  const group = interchange.addFunctionalGroup();
  group.setHeader([input.functionalId, p.sender.groupCode, p.receiver.groupCode, input.clock.date, input.clock.time, String(control.group), "X", p.version]);
  input.transactions.forEach((t, i) => {
    const set = group.addTransaction();
    set.setHeader([t.setId, formatTransactionNumber(transactionNumber(control.transaction, i))]);
    for (const segment of t.segments) set.addSegment(segment.tag, trimTrailingEmpty(segment.elements));
  });
  const text = interchange.toString() + (p.lineBreaks ? "\n" : "");
  const lastTransaction = transactionNumber(control.transaction, Math.max(input.transactions.length - 1, 0));
  return ok({ text, last: { ...control, transaction: lastTransaction } });
}

/** X12 leaves out trailing empty elements ("N1*ST*ACME" rather than "N1*ST*ACME**"). */
function trimTrailingEmpty(elements: string[]): string[] {
  const copy = [...elements];
  while (copy.length > 1 && copy[copy.length - 1] === "") copy.pop();
  return copy;
}
