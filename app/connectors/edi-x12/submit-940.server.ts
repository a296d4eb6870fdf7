// Sending one warehouse order as a 940 file, idempotent twice over (DESIGN.md invariant 2): the file name
// is `<prefix><idempotency key>.edi`, and its bytes are fixed by the control numbers and creation time
// stored with the order before the first upload, so a resend is the same interchange (same ISA-13, which
// the partner's translator also refuses as a duplicate). An order whose 997 accepted it answers from that;
// after a 997 rejected it (and the merchant's fix), the next send is `<key>-2.edi` with new numbers.
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import type { ConnectorResult, OutboundOrder, SubmitReceipt } from "../warehouse-connector";
import { orderFileName, remotePath } from "../sftp/file-names";
import { placeFile } from "../sftp/place-file.server";
import { fail, succeed } from "../sftp/sftp-failures";
import { withSftp, type SftpSession } from "../sftp/sftp-session.server";
import type { EdiX12Connection } from "./edi-x12-connection";
import { fileKeyFor, firstTaken, stepsFor, x12TransportSchema, type X12Sending, type X12Transport } from "./transport-record";
import { render940, segments940 } from "./x940";
import { CONTROL_NUMBER_MAX } from "./control-numbers";

export interface EdiDeps {
  scope: InboundFileScope;
  state: TransportState;
  now: () => Date;
}

/** Renamed into place: "transmitted"; the partner's 997 makes it "accepted" (capabilities.acceptance). */
const DELIVERED: SubmitReceipt = { warehouseReference: null, alreadyThere: false, accepted: false };

/** The stored numbers, time and file name of this order's 940, taking new ones (atomically) when there are none. */
async function sendingFor(deps: EdiDeps, config: EdiX12Connection, order: OutboundOrder): Promise<{ transport: X12Transport; sending: X12Sending }> {
  const stored = x12TransportSchema.parse((await deps.state.recall(deps.scope, order.warehouseOrderId)) ?? {});
  if (stored.x12) return { transport: stored, sending: stored.x12 };
  const control = firstTaken(await deps.state.advance(deps.scope, stepsFor(1), CONTROL_NUMBER_MAX), 1);
  const { name } = orderFileName(config.fileNamePrefix, fileKeyFor(order.draft.idempotencyKey, stored.attempt), config.fileExtension);
  const proposed: X12Sending = { ...control, createdAt: deps.now().toISOString(), file: name };
  // Two attempts at once may both take numbers; the first to store wins and both send its bytes.
  const kept = x12TransportSchema.parse(await deps.state.keep(deps.scope, order.warehouseOrderId, "x12", proposed));
  return { transport: kept, sending: kept.x12 ?? proposed };
}

async function earlierCopy(session: SftpSession, config: EdiX12Connection, name: string): Promise<ConnectorResult<boolean>> {
  for (const folder of [config.ordersFolder, config.processedFolder]) {
    if (!folder) continue;
    const found = await session.exists(remotePath(folder, name), folder);
    if (!found.ok) return found;
    if (found.value) return succeed(true);
  }
  return succeed(false);
}

export async function submit940(config: EdiX12Connection, deps: EdiDeps, order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
  // Refused drafts take no control numbers.
  const checked = segments940(order.draft, config);
  if (!checked.ok) return fail({ kind: "rejected", message: checked.error.join(" ") });
  const { transport, sending } = await sendingFor(deps, config, order);
  if (transport.acknowledgement === "accepted") return succeed({ ...DELIVERED, alreadyThere: true, accepted: true });
  const names = { name: sending.file, tmpName: sending.file.replace(/\.[^.]+$/, ".tmp") };
  const rendered = render940(order.draft, config, { control: sending, createdAt: new Date(sending.createdAt) });
  if (!rendered.ok) return fail({ kind: "rejected", message: rendered.error.join(" ") });
  const content = Buffer.from(rendered.value.text, "utf8");
  return withSftp(config, async (session) => {
    const earlier = await earlierCopy(session, config, names.name);
    if (!earlier.ok) return earlier;
    if (earlier.value) return succeed({ ...DELIVERED, alreadyThere: true });
    const placed = await placeFile(session, config.ordersFolder, names, content);
    if (!placed.ok) return placed;
    return succeed(placed.value === "placed" ? DELIVERED : { ...DELIVERED, alreadyThere: true });
  });
}
