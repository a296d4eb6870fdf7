// "Test connection": log in with the pinned host key, check every configured folder exists, and prove
// the orders folder takes a file. Each failure names exactly what failed (sftp-failures.ts).
import { randomUUID } from "node:crypto";
import type { ConnectorResult } from "../warehouse-connector";
import { remotePath } from "./file-names";
import { fail, succeed } from "./sftp-failures";
import { withSftp, type SftpAccess, type SftpSession } from "./sftp-session.server";

/** The folders a file connection names; the ones it reads are listed as well as checked. */
export interface FolderSettings extends SftpAccess {
  ordersFolder: string;
  processedFolder?: string;
  rejectedFolder?: string;
  acknowledgementFolder?: string;
  dispatchFolder?: string;
  stockFolder?: string;
}

function folders(config: FolderSettings): [string, string][] {
  const named: [string, string | undefined][] = [
    ["orders", config.ordersFolder], ["processed", config.processedFolder], ["rejected", config.rejectedFolder],
    ["acknowledgement", config.acknowledgementFolder], ["dispatch", config.dispatchFolder], ["stock", config.stockFolder],
  ];
  return named.filter((f): f is [string, string] => f[1] !== undefined);
}

async function checkFolders(session: SftpSession, config: FolderSettings): Promise<ConnectorResult<void>> {
  for (const [label, folder] of folders(config)) {
    const found = await session.exists(folder, folder);
    if (!found.ok) return found;
    if (found.value !== "folder") {
      const what = found.value === "file" ? "is a file, not a folder" : "does not exist";
      return fail({ kind: "rejected", message: `The ${label} folder ${folder} ${what} on the SFTP server at ${config.host}:${config.port}. Check the folders in the connection settings.` });
    }
  }
  for (const folder of [config.dispatchFolder, config.stockFolder]) {
    if (!folder) continue;
    const listed = await session.list(folder);
    if (!listed.ok) return listed;
  }
  return succeed(undefined);
}

/** Writes and removes a probe; its name ends in .tmp and starts with a dot, so no warehouse reads it. */
async function probeOrdersFolder(session: SftpSession, folder: string): Promise<ConnectorResult<string>> {
  const probe = remotePath(folder, `.loadbay-connection-test-${randomUUID()}.tmp`);
  const written = await session.write(probe, Buffer.from("Loadbay connection test; safe to delete.\n"), folder);
  if (!written.ok) return written;
  const removed = await session.remove(probe, folder);
  return succeed(removed.ok ? "" : ` Loadbay could not remove its test file ${probe} (no delete permission); it can be deleted.`);
}

export function testSftpConnection(config: FolderSettings): Promise<ConnectorResult<{ message: string }>> {
  return withSftp(config, async (session) => {
    const checked = await checkFolders(session, config);
    if (!checked.ok) return checked;
    const probed = await probeOrdersFolder(session, config.ordersFolder);
    if (!probed.ok) return probed;
    const reads = [config.dispatchFolder && `dispatches from ${config.dispatchFolder}`, config.stockFolder && `stock from ${config.stockFolder}`].filter(Boolean);
    return succeed({
      message:
        `Connected to ${config.host}:${config.port} as “${config.username}”; the host key matches ${config.hostKeyFingerprint}. ` +
        `Orders go to ${config.ordersFolder}${reads.length ? `; Loadbay reads ${reads.join(" and ")}` : ""}.${probed.value}`,
    });
  });
}
