// Putting one file into a folder the other side reads, whole or not at all: written as `<name>.tmp`, then
// renamed to its final name, so a reader that takes only complete names never sees half a file. The
// rename is plain SFTP v3 RENAME, which refuses to replace an existing file (decision 0014).
import type { ConnectorFailure, ConnectorResult } from "../warehouse-connector";
import type { OrderFileName } from "./file-names";
import { remotePath } from "./file-names";
import { fail, succeed } from "./sftp-failures";
import type { SftpSession } from "./sftp-session.server";

/** `placed`: this call put it there; `already-there`: a file of that name was there (an earlier attempt's). */
export type Placement = "placed" | "already-there";

/**
 * A failed rename may still have happened (the answer was lost), or another attempt may have put the
 * same file there first: either way the file in place is this one, so it is "already there".
 */
async function afterFailedRename(session: SftpSession, tmp: string, final: string, folder: string, failure: ConnectorFailure): Promise<ConnectorResult<Placement>> {
  const there = await session.exists(final, folder);
  if (!there.ok || there.value !== "file") return fail(failure);
  await session.remove(tmp, folder);
  return succeed("already-there");
}

/** Writes `<folder>/<tmpName>` and renames it to `<folder>/<name>`. The caller checks for earlier copies first. */
export async function placeFile(session: SftpSession, folder: string, names: OrderFileName, content: Buffer): Promise<ConnectorResult<Placement>> {
  const tmp = remotePath(folder, names.tmpName);
  const final = remotePath(folder, names.name);
  const written = await session.write(tmp, content, folder);
  if (!written.ok) return written;
  const renamed = await session.rename(tmp, final, folder);
  return renamed.ok ? succeed("placed") : afterFailedRename(session, tmp, final, folder, renamed.error);
}
