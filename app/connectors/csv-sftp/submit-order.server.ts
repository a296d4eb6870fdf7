// Sending one order as a file, idempotent by its deterministic name (DESIGN.md invariant 2): if the file,
// or the warehouse's processed copy of it, is already there, nothing is written. Otherwise it is written
// as `<name>.tmp` and renamed to `<name>.csv`, so the warehouse never picks up half a file.
import type { ConnectorResult, OutboundOrder, SubmitReceipt } from "../warehouse-connector";
import type { CsvSftpConfig } from "./csv-sftp-config";
import { orderFileName, remotePath } from "../sftp/file-names";
import { renderOrderFile } from "./order-file";
import { fail, succeed } from "../sftp/sftp-failures";
import { placeFile } from "../sftp/place-file.server";
import { withSftp, type SftpSession } from "../sftp/sftp-session.server";

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

export async function submitOrderFile(config: CsvSftpConfig, order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
  const names = orderFileName(config.fileNamePrefix, order.draft.idempotencyKey);
  const content = Buffer.from(renderOrderFile(order.draft, config.columns.orders, config.columns.orderHeaderRow), "utf8");
  return withSftp(config, async (session) => {
    const earlier = await earlierCopy(session, config, names.name);
    if (!earlier.ok) return earlier;
    if (earlier.value) return succeed(earlier.value);
    const placed = await placeFile(session, config.ordersFolder, names, content);
    if (!placed.ok) return placed;
    return succeed(placed.value === "placed" ? DELIVERED : { ...DELIVERED, alreadyThere: true });
  });
}
