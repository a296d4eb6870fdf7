// 997 Functional Acknowledgement, both ways. Out: one 997 transaction set per functional group received
// (AK1 names the group, AK2/AK3/AK5 each set, AK9 the group's verdict). In: the partner's 997 for our
// 940s, read per ST control number. Pure.
import { err, ok, type Result } from "~/lib/result";
import type { ControlNumbers } from "./control-numbers";
import type { EdiX12Config } from "./edi-x12-config";
import { buildInterchange, type GroupErrorCode, type SetErrorCode } from "./envelope";
import { element, type Segment } from "./segments";
import type { SetProblem } from "./set-problem";
import { outboundParties } from "./x940";
import { x12Clock } from "./x12-dates";

export interface SetVerdict {
  setId: string;
  controlNumber: string;
  accepted: boolean;
  /** AK5-02 … AK5-06 (at most five are written). */
  errorCodes: SetErrorCode[];
  /** Content faults, written as AK3 segments. */
  segmentProblems: SetProblem[];
}

export interface GroupVerdict {
  functionalId: string;
  controlNumber: string;
  /** GE-01 as declared, when readable. */
  declaredCount: number | null;
  sets: SetVerdict[];
  /** AK9-05 … AK9-09. */
  errorCodes: GroupErrorCode[];
  accepted: boolean;
}

type Out = { tag: string; elements: string[] };
const unique = <T>(values: T[]) => [...new Set(values)];

function setSegments(set: SetVerdict): Out[] {
  const ak3 = set.segmentProblems.map((p) => ({ tag: "AK3", elements: [p.segment, p.position === null ? "" : String(p.position), "", p.code] }));
  const status = set.accepted ? "A" : "R";
  return [{ tag: "AK2", elements: [set.setId, set.controlNumber] }, ...ak3, { tag: "AK5", elements: [status, ...unique(set.errorCodes).slice(0, 5)] }];
}

/** The segments of one 997 set (between ST and SE) answering one group. */
export function segments997(group: GroupVerdict): Out[] {
  const accepted = group.sets.filter((s) => s.accepted).length;
  const status = !group.accepted ? "R" : accepted === group.sets.length ? "A" : accepted > 0 ? "P" : "R";
  return [
    { tag: "AK1", elements: [group.functionalId, group.controlNumber] },
    ...group.sets.flatMap(setSegments),
    { tag: "AK9", elements: [status, String(group.declaredCount ?? group.sets.length), String(group.sets.length), String(accepted), ...unique(group.errorCodes).slice(0, 5)] },
  ];
}

/** One interchange holding a 997 per group answered. */
export function render997(
  groups: GroupVerdict[],
  config: EdiX12Config,
  envelope: { control: ControlNumbers; createdAt: Date },
): Result<{ text: string; last: ControlNumbers }, string> {
  return buildInterchange({
    parties: outboundParties(config), control: envelope.control, clock: x12Clock(envelope.createdAt, config.timeZone), functionalId: "FA",
    transactions: groups.map((g) => ({ setId: "997", segments: segments997(g) })),
  });
}

export type AckStatus = "accepted" | "accepted-with-errors" | "partially-accepted" | "rejected";

export interface FunctionalAckIn {
  /** AK1: the group of ours it answers (functional id and GS-06). */
  functionalId: string;
  groupControlNumber: string;
  groupStatus: AckStatus;
  groupErrorCodes: string[];
  /** Per AK2: the ST of ours (set id and ST-02) and its verdict. */
  sets: { setId: string; controlNumber: string; status: AckStatus; errorCodes: string[] }[];
}

const STATUS: Record<string, AckStatus> = { A: "accepted", E: "accepted-with-errors", P: "partially-accepted" };
const statusOf = (code: string): AckStatus => STATUS[code] ?? "rejected";
const codesFrom = (s: Segment, first: number) => s.elements.slice(first - 1).map((c) => c.trim()).filter(Boolean);

/**
 * The partner's 997. Status codes other than A, E and P (R, M, W, X) all mean rejected. A group without
 * AK2 lines acknowledges every set in it at the group's status (allowed when all were accepted).
 */
export function read997(segments: Segment[]): Result<FunctionalAckIn, SetProblem[]> {
  const ak1 = segments.find((s) => s.tag === "AK1");
  const ak9 = segments.find((s) => s.tag === "AK9");
  const problems: SetProblem[] = [];
  if (!ak1) problems.push({ segment: "AK1", position: null, code: "3", sentence: "The 997 has no AK1 segment naming the group it acknowledges." });
  if (!ak9) problems.push({ segment: "AK9", position: null, code: "3", sentence: "The 997 has no AK9 segment with the group's verdict." });
  if (!ak1 || !ak9) return err(problems);
  const sets: FunctionalAckIn["sets"] = [];
  for (const s of segments) {
    if (s.tag === "AK2") sets.push({ setId: element(s, 1), controlNumber: element(s, 2), status: "accepted", errorCodes: [] });
    const current = sets.at(-1);
    if (s.tag === "AK5" && current) Object.assign(current, { status: statusOf(element(s, 1)), errorCodes: codesFrom(s, 2) });
  }
  return ok({ functionalId: element(ak1, 1), groupControlNumber: element(ak1, 2), groupStatus: statusOf(element(ak9, 1)), groupErrorCodes: codesFrom(ak9, 5), sets });
}
