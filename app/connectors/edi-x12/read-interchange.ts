// One inbound file → its documents and the 997 that answers it, all or nothing: a file with any fault
// (envelope counts, control numbers, a document Loadbay cannot read) gives no documents at all, only the
// problems and a 997 rejecting every set in it, so nothing is ever half-applied. Pure.
import type { DispatchAdviceIn, StockLevelIn } from "../warehouse-connector";
import type { ControlNumbers } from "./control-numbers";
import type { EdiX12Config } from "./edi-x12-config";
import { readEnvelope, type ReadGroup, type ReadInterchange, type ReadTransaction, type SetErrorCode } from "./envelope";
import type { Segment } from "./segments";
import type { SetProblem } from "./set-problem";
import { read846 } from "./x846";
import { read945 } from "./x945";
import { read947, type StockAdjustmentIn } from "./x947";
import { read997, render997, type FunctionalAckIn, type GroupVerdict } from "./x997";
import type { Result } from "~/lib/result";

export type EdiDocument =
  | { kind: "dispatch"; setControlNumber: string; advice: DispatchAdviceIn }
  | { kind: "stock-snapshot"; setControlNumber: string; levels: StockLevelIn[] }
  | { kind: "stock-adjustments"; setControlNumber: string; adjustments: StockAdjustmentIn[] }
  | { kind: "acknowledgement"; setControlNumber: string; acknowledgement: FunctionalAckIn };

/**
 * `ack` is the 997 to upload, and `ackControl` the numbers it used (store them as the connection's
 * last). Both are null when there is nothing to answer: a file of 997s (a 997 is never acknowledged) or a
 * file whose ISA is unreadable (no partner, no group to name).
 */
export type InterchangeReading =
  | { ok: true; interchangeControlNumber: string; documents: EdiDocument[]; ack: string | null; ackControl: ControlNumbers | null }
  | { ok: false; problems: string[]; ack: string | null; ackControl: ControlNumbers | null };

type Reader = (segments: Segment[], config: EdiX12Config, controlNumber: string) => Result<EdiDocument, SetProblem[]>;

/** Supported inbound sets, by ST-01, with the GS-01 their group must have. */
const READERS: Record<string, { functionalId: string; read: Reader }> = {
  "945": { functionalId: "SW", read: (s, c, n) => map(read945(s, c), (advice) => ({ kind: "dispatch", setControlNumber: n, advice })) },
  "846": { functionalId: "IB", read: (s, c, n) => map(read846(s, c), (levels) => ({ kind: "stock-snapshot", setControlNumber: n, levels })) },
  "947": { functionalId: "AW", read: (s, c, n) => map(read947(s, c), (adjustments) => ({ kind: "stock-adjustments", setControlNumber: n, adjustments })) },
  "997": { functionalId: "FA", read: (s, _c, n) => map(read997(s), (acknowledgement) => ({ kind: "acknowledgement", setControlNumber: n, acknowledgement })) },
};

function map<T, E>(r: Result<T, E>, f: (value: T) => EdiDocument): Result<EdiDocument, E> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}

function identityProblems(read: ReadInterchange, config: EdiX12Config): string[] {
  const { header } = read;
  const problems: string[] = [];
  if (header.senderQualifier !== config.partner.qualifier || header.senderId !== config.partner.interchangeId) {
    problems.push(`The interchange comes from ${header.senderQualifier}:${header.senderId}, not from the warehouse's id ${config.partner.qualifier}:${config.partner.interchangeId}.`);
  }
  if (header.receiverQualifier !== config.us.qualifier || header.receiverId !== config.us.interchangeId) {
    problems.push(`The interchange is addressed to ${header.receiverQualifier}:${header.receiverId}, not to Loadbay's id ${config.us.qualifier}:${config.us.interchangeId}.`);
  }
  if (header.usage !== config.usage) problems.push(`The interchange is marked ${header.usage === "T" ? "test" : "production"} data (ISA-15 ${header.usage}); this connection expects ${config.usage}.`);
  if (read.groups.length === 0) problems.push("The interchange holds no functional group.");
  return problems;
}

interface SetOutcome {
  set: ReadTransaction;
  document: EdiDocument | null;
  codes: SetErrorCode[];
  problems: SetProblem[];
}

function readSet(group: ReadGroup, set: ReadTransaction, config: EdiX12Config): SetOutcome {
  const codes = set.errors.map((e) => e.code);
  if (codes.length) return { set, document: null, codes, problems: [] };
  const reader = READERS[set.setId];
  if (!reader) return { set, document: null, codes: ["1"], problems: [] };
  if (reader.functionalId !== group.functionalId) return { set, document: null, codes: ["6"], problems: [] };
  const read = reader.read(set.segments, config, set.controlNumber);
  return read.ok ? { set, document: read.value, codes: [], problems: [] } : { set, document: null, codes: ["5"], problems: read.error };
}

function sentences(group: ReadGroup, outcomes: SetOutcome[]): string[] {
  const where = (o: SetOutcome) => `In transaction set ${o.set.setId} ${o.set.controlNumber} of group ${group.functionalId} ${group.controlNumber}:`;
  return [
    ...group.errors.map((e) => e.sentence),
    ...outcomes.flatMap((o) => [
      ...o.set.errors.map((e) => `${where(o)} ${e.sentence}`),
      ...(o.codes.includes("1") ? [`${where(o)} Loadbay does not take ${o.set.setId} documents from this warehouse (it takes 945, 846, 947 and 997).`] : []),
      ...(o.codes.includes("6") && !o.set.errors.length ? [`${where(o)} a ${o.set.setId} does not belong in a ${group.functionalId} group.`] : []),
      ...o.problems.map((p) => `${where(o)} ${p.sentence}`),
    ]),
  ];
}

function acknowledge(groups: { group: ReadGroup; outcomes: SetOutcome[] }[], accepted: boolean, config: EdiX12Config, envelope: { control: ControlNumbers; createdAt: Date }) {
  const verdicts: GroupVerdict[] = groups
    .filter(({ group }) => group.functionalId !== "FA")
    .map(({ group, outcomes }) => ({
      functionalId: group.functionalId, controlNumber: group.controlNumber, declaredCount: group.declaredCount, accepted,
      errorCodes: group.errors.map((e) => e.code),
      sets: outcomes.map((o) => ({ setId: o.set.setId, controlNumber: o.set.controlNumber, accepted, errorCodes: o.codes, segmentProblems: o.problems })),
    }));
  if (verdicts.length === 0) return { ack: null, ackControl: null };
  const rendered = render997(verdicts, config, envelope);
  return rendered.ok ? { ack: rendered.value.text, ackControl: rendered.value.last } : { ack: null, ackControl: null };
}

/**
 * Reads a whole inbound file. `envelope` gives the control numbers and time for the 997 Loadbay writes
 * back; the caller stores `ackControl` only once it has stored the reading.
 */
export function readInterchange(text: string, config: EdiX12Config, envelope: { control: ControlNumbers; createdAt: Date }): InterchangeReading {
  const read = readEnvelope(text);
  if (!read.ok) return { ok: false, problems: [read.error], ack: null, ackControl: null };
  const groups = read.value.groups.map((group) => ({ group, outcomes: group.transactions.map((set) => readSet(group, set, config)) }));
  const problems = [
    ...read.value.problems,
    ...identityProblems(read.value, config),
    ...groups.flatMap(({ group, outcomes }) => sentences(group, outcomes)),
  ];
  const accepted = problems.length === 0;
  const { ack, ackControl } = acknowledge(groups, accepted, config, envelope);
  if (!accepted) return { ok: false, problems, ack, ackControl };
  const documents = groups.flatMap(({ outcomes }) => outcomes.map((o) => o.document).filter((d): d is EdiDocument => d !== null));
  return { ok: true, interchangeControlNumber: read.value.header.controlNumber, documents, ack, ackControl };
}
