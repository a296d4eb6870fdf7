// Reading a feed folder (dispatches or stock): complete files (`.csv`, `.edi` …), oldest first, skipping
// every file the ledger already holds by name and SHA-256. A page is at most `maxFilesPerPoll` files; its
// cursor names them, and handing the cursor back records them (inbound-cursor.ts). Shared by the CSV and
// the EDI X12 connectors: each says which names belong to the feed and how one file is taken in.
import { createHash } from "node:crypto";
import type { Result } from "~/lib/result";
import {
  inboundFileId, type InboundFileKey, type InboundFileKind, type InboundFileLedger, type InboundFileScope,
} from "~/modules/transmission/inbound-files.ports";
import type { ConnectorResult, Page } from "../warehouse-connector";
import { acknowledgedFiles, encodeCursor } from "./inbound-cursor";
import { fail, succeed } from "./sftp-failures";
import { withSftp, type RemoteEntry, type SftpAccess, type SftpSession } from "./sftp-session.server";

/** Where a file came from, for sentences and for files without a date of their own. */
export interface RemoteFileInfo {
  path: string;
  modifiedAt: Date;
}

export interface FetchedFile {
  key: InboundFileKey;
  info: RemoteFileInfo;
  content: Buffer;
}

/**
 * What taking in one file gave: its items; `skip` (not this feed's file: left unrecorded, for the feed
 * it belongs to); or `unreadable`, which stops the feed at that file (the files before it are handed on).
 */
export type Taken<T> = { items: T[] } | { skip: true } | { unreadable: string };

export interface Feed<T> {
  kind: InboundFileKind;
  folder: string;
  /** Which names are complete files of this feed (never `.tmp` uploads in progress). */
  isFeedFile(name: string): boolean;
  take(file: FetchedFile, session: SftpSession): Promise<ConnectorResult<Taken<T>>>;
}

/** A feed whose files are read on their own, with no SFTP request of their own (CSV files). */
export function parsingFeed<T>(
  kind: InboundFileKind, folder: string, isFeedFile: (name: string) => boolean, parse: (content: Buffer, file: RemoteFileInfo) => Result<T[], string>,
): Feed<T> {
  return {
    kind, folder, isFeedFile,
    take: async (file) => {
      const parsed = parse(file.content, file.info);
      return succeed(parsed.ok ? { items: parsed.value } : { unreadable: parsed.error });
    },
  };
}

export interface FeedDeps {
  ledger: InboundFileLedger;
  scope: InboundFileScope;
}

const oldestFirst = (a: RemoteEntry, b: RemoteEntry) => a.modifiedAt.getTime() - b.modifiedAt.getTime() || a.name.localeCompare(b.name);
const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

async function fetchFiles(session: SftpSession, folder: string, entries: RemoteEntry[]): Promise<ConnectorResult<FetchedFile[]>> {
  const fetched: FetchedFile[] = [];
  for (const entry of entries) {
    const content = await session.read(entry.path, folder, { listed: true });
    if (!content.ok) return content;
    fetched.push({ key: { name: entry.path, contentHash: sha256(content.value) }, info: { path: entry.path, modifiedAt: entry.modifiedAt }, content: content.value });
  }
  return succeed(fetched);
}

function pageOf<T>(files: { key: InboundFileKey; items: T[] }[], kind: InboundFileKind): Page<T> {
  return { items: files.flatMap((f) => f.items), nextCursor: encodeCursor(kind, files.map((f) => f.key)) };
}

async function readPage<T>(session: SftpSession, max: number, deps: FeedDeps, feed: Feed<T>): Promise<ConnectorResult<Page<T>>> {
  const listed = await session.list(feed.folder);
  if (!listed.ok) return listed;
  const entries = listed.value.filter((e) => e.kind === "file" && feed.isFeedFile(e.name)).sort(oldestFirst);
  const page: { key: InboundFileKey; items: T[] }[] = [];
  // Seen files still have to be read to be hashed; they are read a batch at a time, one ledger query each.
  for (let at = 0; at < entries.length && page.length < max; at += max) {
    const batch = await fetchFiles(session, feed.folder, entries.slice(at, at + max));
    if (!batch.ok) return batch;
    const seen = await deps.ledger.seen(deps.scope, batch.value.map((f) => f.key));
    for (const file of batch.value.filter((f) => !seen.has(inboundFileId(f.key)))) {
      if (page.length >= max) break;
      const taken = await feed.take(file, session);
      if (!taken.ok) return taken;
      if ("skip" in taken.value) continue;
      // A file that cannot be read stops the feed at that file: what came before it is handed on first.
      if ("unreadable" in taken.value) {
        return page.length ? succeed(pageOf(page, feed.kind)) : fail({ kind: "rejected", message: taken.value.unreadable, detail: { file: file.key } });
      }
      page.push({ key: file.key, items: taken.value.items });
    }
  }
  return succeed(pageOf(page, feed.kind));
}

/** Records what the cursor acknowledges, then reads the next page of unseen files. */
export async function pollFeed<T>(config: SftpAccess & { maxFilesPerPoll: number }, deps: FeedDeps, feed: Feed<T>, cursor: string | null): Promise<ConnectorResult<Page<T>>> {
  await deps.ledger.record(deps.scope, feed.kind, acknowledgedFiles(feed.kind, cursor));
  return withSftp(config, (session) => readPage(session, config.maxFilesPerPoll, deps, feed));
}
