// The ledger of files Loadbay has taken in from a warehouse (dispatch and stock files over SFTP). A
// file is known by its name and the SHA-256 of its bytes: the same file seen again is skipped, a file
// rewritten under the same name is read again (docs/decisions/0014-csv-over-sftp.md).

/** Which connection's files: every query is scoped to one shop (DESIGN.md invariant 6). */
export interface InboundFileScope {
  shop: string;
  connectionId: string;
}

export interface InboundFileKey {
  /** The remote path the file was read from. */
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  contentHash: string;
}

export type InboundFileKind = "dispatch" | "stock";

export interface InboundFileLedger {
  /** The subset of `files` already recorded for this connection, as `inboundFileId(file)` strings. */
  seen(scope: InboundFileScope, files: InboundFileKey[]): Promise<Set<string>>;
  /** Records files as taken in. Recording a file twice is a no-op. */
  record(scope: InboundFileScope, kind: InboundFileKind, files: InboundFileKey[]): Promise<void>;
}

/** One string per (name, content hash), for set look-ups. */
export const inboundFileId = (file: InboundFileKey): string => `${file.contentHash}:${file.name}`;
