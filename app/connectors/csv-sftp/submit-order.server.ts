// Sending one order as a file, idempotent by its deterministic name (DESIGN.md invariant 2): if the file,
// or the warehouse's processed copy of it, is already there, nothing is written. Otherwise it is written
// as `<name>.tmp` and renamed to `<name>.csv`, so the warehouse never picks up half a file.
import type { ConnectorFailure, ConnectorResult, OutboundOrder, SubmitReceipt } from "../warehouse-connector";
import type { CsvSftpConfig } from "./csv-sftp-config";
import { orderFileName, remotePath } from "./file-names";
import { renderOrderFile } from "./order-file";
import { fail, succeed } from "./sftp-failures";
import { withSftp, type SftpSession } from "./sftp-session.server";

/** Written and renamed into place: "transmitted"; the warehouse acknowledges it later (ADR 0014). */
const DELIVERED: SubmitReceipt = { warehouseReference: null, alreadyThere: false, accepted: false };
const REASON_MAX = 500;

async function rejection(session: SftpSession, folder: string, name: string): Promise<ConnectorResult<SubmitReceipt>> {
  const reasonPath = remotePath(folder, `${name}.err`);
  const hasReason = await session.exists(reasonPath, folder);
  const text = hasReason.ok && hasReason.value === "file" ? await session.read(reasonPath, folder) : null;
  const reason = text?.ok ? text.value.toString("utf8").trim().slice(0, REASON_MAX) : "";
  return fail({ kind: "rejected", message: `The warehouse refused the order file ${name}${reason ? `: “${reason}”` : " and gave no reason"}.`, detail: { file: remotePath(folder, name) } });
}

/** A receipt or rejection when this order's file was sent before; null when it never was. */
async function earlierCopy(session: SftpSession, config: CsvSftpConfig, name: string): Promise<ConnectorResult<SubmitReceipt | null>> {
  const waiting = await session.exists(remotePath(config.ordersFolder, name), config.ordersFolder);
  if (!waiting.ok) return waiting;
  if (waiting.value) return succeed({ ...DELIVERED, alreadyThere: true });
  if (config.processedFolder) {
    const taken = await session.exists(remotePath(config.processedFolder, name), config.processedFolder);
    if (!taken.ok) return taken;
    // The warehouse moved it to its processed folder: that move is its acknowledgement.
    if (taken.value) return succeed({ ...DELIVERED, alreadyThere: true, accepted: true });
  }
  if (config.rejectedFolder) {
    const refused = await session.exists(remotePath(config.rejectedFolder, name), config.rejectedFolder);
    if (!refused.ok) return refused;
    if (refused.value) return rejection(session, config.rejectedFolder, name);
  }
  return succeed(null);
}

/**
 * A failed rename may still have happened (the answer was lost), or another attempt may have put the
 * same file there first: either way the file in place is this order, so it is "already there".
 */
async function afterFailedRename(session: SftpSession, tmp: string, final: string, folder: string, failure: ConnectorFailure): Promise<ConnectorResult<SubmitReceipt>> {
  const there = await session.exists(final, folder);
  if (!there.ok || there.value !== "file") return fail(failure);
  await session.remove(tmp, folder);
  return succeed({ ...DELIVERED, alreadyThere: true });
}

export async function submitOrderFile(config: CsvSftpConfig, order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
  const { name, tmpName } = orderFileName(config.fileNamePrefix, order.draft.idempotencyKey);
  const content = Buffer.from(renderOrderFile(order.draft, config.columns.orders, config.columns.orderHeaderRow), "utf8");
  const folder = config.ordersFolder;
  return withSftp(config, async (session) => {
    const earlier = await earlierCopy(session, config, name);
    if (!earlier.ok) return earlier;
    if (earlier.value) return succeed(earlier.value);
    const tmp = remotePath(folder, tmpName);
    const final = remotePath(folder, name);
    const written = await session.write(tmp, content, folder);
    if (!written.ok) return written;
    const renamed = await session.rename(tmp, final, folder);
    return renamed.ok ? succeed(DELIVERED) : afterFailedRename(session, tmp, final, folder, renamed.error);
  });
}
