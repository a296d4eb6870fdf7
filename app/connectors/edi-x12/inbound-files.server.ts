// Taking in one X12 file from the warehouse (decision 0022): read the whole interchange, answer it with a
// 997 uploaded beside our 940s (once: its name derives from the file's name and hash), then hand on its
// documents — or, for a file with any fault, nothing at all and an exception naming every problem. The
// partner's 997s mark our 940s accepted or rejected through the transport state port.
import type { InboundFileKind } from "~/modules/transmission/inbound-files.ports";
import type { TransportAcknowledgement } from "~/modules/transmission/transport-state.ports";
import type { ConnectorResult, DispatchAdviceIn, StockAdjustmentIn, StockLevelIn } from "../warehouse-connector";
import type { Feed, FetchedFile, Taken } from "../sftp/inbound-poll.server";
import { remotePath } from "../sftp/file-names";
import { placeFile } from "../sftp/place-file.server";
import { succeed } from "../sftp/sftp-failures";
import type { SftpSession } from "../sftp/sftp-session.server";
import { CONTROL_NUMBER_MAX } from "./control-numbers";
import { ackFolderOf, type EdiX12Connection } from "./edi-x12-connection";
import { readEnvelope } from "./envelope";
import { readInterchange, type EdiDocument, type InterchangeReading } from "./read-interchange";
import type { EdiDeps } from "./submit-940.server";
import { acknowledgementMatch, firstTaken, stepsFor } from "./transport-record";
import type { FunctionalAckIn } from "./x997";

/** Groups that carry stock (846 IB, 947 AW): their files belong to the stock feed, everything else to dispatches. */
const STOCK_GROUPS = new Set(["IB", "AW"]);
const NO_NUMBERS = { interchange: 1, group: 1, transaction: 1 };

export type StockItem = { level: StockLevelIn } | { adjustment: StockAdjustmentIn };

type Owner = "dispatch" | "stock" | "mixed";

function ownerOf(text: string): Owner {
  const read = readEnvelope(text);
  // An unreadable file is reported by the dispatch feed (the one every connection polls).
  if (!read.ok || read.value.groups.length === 0) return "dispatch";
  const stock = read.value.groups.filter((g) => STOCK_GROUPS.has(g.functionalId)).length;
  return stock === 0 ? "dispatch" : stock === read.value.groups.length ? "stock" : "mixed";
}

/** `<file name without extension>-<12 hex of its hash>.997.<ext>`: one 997 per file version, found again after a crash. */
function ackNames(file: FetchedFile, extension: string) {
  const base = (file.key.name.split("/").pop() ?? "file").replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]/g, "_");
  const stem = `997-${base}-${file.key.contentHash.slice(0, 12)}`;
  return { name: `${stem}.${extension}`, tmpName: `${stem}.tmp` };
}

async function ackOnServer(session: SftpSession, config: EdiX12Connection, name: string): Promise<ConnectorResult<boolean>> {
  for (const folder of [ackFolderOf(config), config.processedFolder]) {
    if (!folder) continue;
    const found = await session.exists(remotePath(folder, name), folder);
    if (!found.ok || found.value) return found.ok ? succeed(true) : found;
  }
  return succeed(false);
}

/** Reads the file and uploads its 997 unless one is already there; the reading the documents come from. */
async function readAndAnswer(session: SftpSession, config: EdiX12Connection, deps: EdiDeps, file: FetchedFile, text: string): Promise<ConnectorResult<InterchangeReading>> {
  const createdAt = deps.now();
  const dry = readInterchange(text, config, { control: NO_NUMBERS, createdAt });
  if (dry.ack === null) return succeed(dry);
  const names = ackNames(file, config.fileExtension);
  const there = await ackOnServer(session, config, names.name);
  if (!there.ok) return there;
  if (there.value) return succeed(dry);
  const answered = readEnvelope(dry.ack);
  const sets = answered.ok ? answered.value.groups.reduce((n, g) => n + g.transactions.length, 0) : 1;
  const control = firstTaken(await deps.state.advance(deps.scope, stepsFor(sets), CONTROL_NUMBER_MAX), sets);
  const reading = readInterchange(text, config, { control, createdAt });
  if (reading.ack === null) return succeed(reading);
  const placed = await placeFile(session, ackFolderOf(config), names, Buffer.from(reading.ack, "utf8"));
  return placed.ok ? succeed(reading) : placed;
}

function acknowledgementsOf(ack: FunctionalAckIn): TransportAcknowledgement[] {
  if (ack.functionalId !== "OW") return [];
  const group = Number(ack.groupControlNumber);
  const verdict = (status: string, codes: string[]) => ({
    accepted: status === "accepted" || status === "accepted-with-errors",
    message: status === "accepted" || status === "accepted-with-errors" ? "997 accepted." : `997 rejected${codes.length ? ` (codes ${codes.join(", ")})` : ""}.`,
  });
  // A 997 without AK2 lines acknowledges every set of the group at the group's status.
  if (ack.sets.length === 0) return [{ match: acknowledgementMatch(group), ...verdict(ack.groupStatus, ack.groupErrorCodes), detail: ack }];
  return ack.sets
    .filter((s) => s.setId === "940")
    .map((s) => ({ match: acknowledgementMatch(group, Number(s.controlNumber)), ...verdict(s.status, s.errorCodes), detail: { ...ack, sets: [s] } }));
}

async function refuse(deps: EdiDeps, file: FetchedFile, problems: string[]): Promise<void> {
  await deps.state.raise(deps.scope, {
    key: `edi-file-rejected:${deps.scope.connectionId}:${file.key.name}:${file.key.contentHash.slice(0, 12)}`,
    kind: "edi-file-rejected",
    message: `Loadbay refused the warehouse's file ${file.key.name} and applied nothing from it: ${problems.slice(0, 3).join(" ")}${problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : ""} Ask the warehouse to send a corrected file.`,
    detail: { file: file.key, problems },
  });
}

/** One feed over a folder of X12 files; `pick` takes this feed's documents out of an accepted file. */
function x12Feed<T>(config: EdiX12Connection, deps: EdiDeps, kind: InboundFileKind, folder: string, pick: (docs: EdiDocument[]) => T[]): Feed<T> {
  const extension = new RegExp(`\\.${config.fileExtension}$`, "i");
  return {
    kind, folder,
    isFeedFile: (name) => extension.test(name) && !name.startsWith("."),
    async take(file, session): Promise<ConnectorResult<Taken<T>>> {
      const text = file.content.toString("utf8");
      const owner = ownerOf(text);
      if (owner !== kind && owner !== "mixed") return succeed({ skip: true });
      if (owner === "mixed") {
        if (kind === "stock") return succeed({ skip: true });
        await refuse(deps, file, ["The file mixes stock documents (846, 947) with other documents; Loadbay takes one kind per file."]);
        return succeed({ items: [] });
      }
      const reading = await readAndAnswer(session, config, deps, file, text);
      if (!reading.ok) return reading;
      if (!reading.value.ok) {
        await refuse(deps, file, reading.value.problems);
        return succeed({ items: [] });
      }
      const acks = reading.value.documents.flatMap((d) => (d.kind === "acknowledgement" ? acknowledgementsOf(d.acknowledgement) : []));
      if (acks.length) await deps.state.acknowledge(deps.scope, acks);
      return succeed({ items: pick(reading.value.documents) });
    },
  };
}

export const dispatchFeed = (config: EdiX12Connection, deps: EdiDeps, folder: string): Feed<DispatchAdviceIn> =>
  x12Feed(config, deps, "dispatch", folder, (docs) => docs.flatMap((d) => (d.kind === "dispatch" ? [d.advice] : [])));

export const stockFeed = (config: EdiX12Connection, deps: EdiDeps, folder: string): Feed<StockItem> =>
  x12Feed(config, deps, "stock", folder, (docs) =>
    docs.flatMap((d): StockItem[] =>
      d.kind === "stock-snapshot" ? d.levels.map((level) => ({ level })) : d.kind === "stock-adjustments" ? d.adjustments.map((adjustment) => ({ adjustment })) : [],
    ),
  );
