// EDI X12 over SFTP, for GXO and other enterprise 3PLs (docs/connectors/edi-x12.md, decision 0022). 940s
// go out as files renamed into place ("transmitted"); the partner's 997 makes them "accepted". 945s come
// back as dispatch advices, 846s as stock snapshots and 947s as stock adjustments, each file read whole
// (all or nothing), answered with a 997 and taken in once by name and content hash.
import type { InboundFileLedger } from "~/modules/transmission/inbound-files.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import type {
  ConnectorCapabilities, ConnectorResult, DispatchAdviceIn, OutboundOrder, Page, StockAdjustmentIn, StockLevelIn, StockPage, SubmitReceipt, WarehouseConnector,
} from "../warehouse-connector";
import { orderFileName } from "../sftp/file-names";
import { pollFeed, type FeedDeps } from "../sftp/inbound-poll.server";
import { fail, succeed } from "../sftp/sftp-failures";
import { testSftpConnection } from "../sftp/test-connection.server";
import { ediX12ConnectionSchema, stockFolderOf, type EdiX12Connection, type EdiX12ConnectionInput } from "./edi-x12-connection";
import { dispatchFeed, stockFeed } from "./inbound-files.server";
import { submit940, type EdiDeps } from "./submit-940.server";

export interface EdiX12ConnectorDeps extends FeedDeps {
  /** Control numbers, each order's 940 state, acknowledgements and refused files. */
  state: TransportState;
  ledger: InboundFileLedger;
  now?: () => Date;
}

export class EdiX12Connector implements WarehouseConnector {
  /**
   * Cancel and amend: no. A 940 once sent belongs to the warehouse's translator; an X12 cancellation (a
   * 940 with W05-01 "F" or a 945 reporting it) is not agreed with GXO, so the merchant asks the warehouse.
   */
  readonly capabilities: ConnectorCapabilities = {
    dispatches: "poll", stock: { mode: "poll", kind: "both" }, cancel: false, amend: false, returns: false, acceptance: "on-acknowledgement",
  };
  private readonly config: EdiX12Connection;
  private readonly edi: EdiDeps;
  private readonly feeds: FeedDeps;

  /** Throws on invalid settings: they are validated by the settings form before a connector is built. */
  constructor(input: EdiX12ConnectionInput, deps: EdiX12ConnectorDeps) {
    this.config = ediX12ConnectionSchema.parse(input);
    this.edi = { scope: deps.scope, state: deps.state, now: deps.now ?? (() => new Date()) };
    this.feeds = { ledger: deps.ledger, scope: deps.scope };
  }

  submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
    return submit940(this.config, this.edi, order);
  }

  async cancelOrder(order: OutboundOrder): Promise<ConnectorResult<{ cancelled: boolean }>> {
    const { name } = orderFileName(this.config.fileNamePrefix, order.draft.idempotencyKey, this.config.fileExtension);
    return fail({ kind: "rejected", message: `Loadbay cannot cancel orders sent as EDI 940s. Ask the warehouse to cancel ${order.draft.idempotencyKey} (file ${name}).` });
  }

  /** 945s as dispatch advices; 997s read on the way mark our 940s accepted or rejected. Hand the cursor back once stored. */
  pollDispatches(cursor: string | null): Promise<ConnectorResult<Page<DispatchAdviceIn>>> {
    return pollFeed(this.config, this.feeds, dispatchFeed(this.config, this.edi, this.config.dispatchFolder), cursor);
  }

  /** 846 snapshots as `items`, 947 deltas as `adjustments`. */
  async pollStock(cursor: string | null): Promise<ConnectorResult<StockPage>> {
    const page = await pollFeed(this.config, this.feeds, stockFeed(this.config, this.edi, stockFolderOf(this.config)), cursor);
    if (!page.ok) return page;
    const items: StockLevelIn[] = [];
    const adjustments: StockAdjustmentIn[] = [];
    for (const item of page.value.items) {
      if ("level" in item) items.push(item.level);
      else adjustments.push(item.adjustment);
    }
    return succeed({ items, nextCursor: page.value.nextCursor, ...(adjustments.length ? { adjustments } : {}) });
  }

  testConnection(): Promise<ConnectorResult<{ message: string }>> {
    return testSftpConnection({ ...this.config, acknowledgementFolder: this.config.acknowledgementFolder, stockFolder: stockFolderOf(this.config) });
  }
}
