// CSV files over SFTP, for any warehouse that trades files (docs/connectors/csv-sftp.md, ADR 0014).
// Orders are files renamed into place (transmitted; accepted when the warehouse acknowledges them);
// dispatches and stock are polled from folders, each file taken in once by name and content hash.
import type { InboundFileLedger, InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type {
  ConnectorCapabilities, ConnectorResult, DispatchAdviceIn, OutboundOrder, Page, StockLevelIn, SubmitReceipt, WarehouseConnector,
} from "../warehouse-connector";
import { csvSftpConfigSchema, type CsvSftpConfig, type CsvSftpConfigInput } from "./csv-sftp-config";
import { parseDispatchFile } from "./dispatch-file";
import { isCsvFile, orderFileName } from "../sftp/file-names";
import { parsingFeed, pollFeed, type FeedDeps } from "../sftp/inbound-poll.server";
import { fail, succeed } from "../sftp/sftp-failures";
import { parseStockFile } from "./stock-file";
import { submitOrderFile } from "./submit-order.server";
import { testSftpConnection } from "../sftp/test-connection.server";

export interface CsvSftpDeps {
  /** Which connection this is, for the ledger (every row belongs to one shop). */
  scope: InboundFileScope;
  ledger: InboundFileLedger;
}

const EMPTY = { items: [], nextCursor: null };

export class CsvSftpConnector implements WarehouseConnector {
  readonly capabilities: ConnectorCapabilities;
  private readonly config: CsvSftpConfig;
  private readonly feeds: FeedDeps;

  /** Throws on invalid settings: they are validated by the settings form before a connector is built. */
  constructor(input: CsvSftpConfigInput, deps: CsvSftpDeps) {
    this.config = csvSftpConfigSchema.parse(input);
    this.feeds = { ledger: deps.ledger, scope: deps.scope };
    this.capabilities = {
      dispatches: this.config.dispatchFolder ? "poll" : "none",
      stock: { mode: this.config.stockFolder ? "poll" : "none", kind: this.config.stockFiles },
      cancel: false,
      amend: false,
      returns: false,
      acceptance: "on-acknowledgement",
    };
  }

  submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
    return submitOrderFile(this.config, order);
  }

  /** A file, once sent, is the warehouse's: there is no cancel file convention to rely on. */
  async cancelOrder(order: OutboundOrder): Promise<ConnectorResult<{ cancelled: boolean }>> {
    const { name } = orderFileName(this.config.fileNamePrefix, order.draft.idempotencyKey);
    return fail({ kind: "rejected", message: `Loadbay cannot cancel orders sent as files. Ask the warehouse to cancel ${order.draft.idempotencyKey} (file ${name}).` });
  }

  /** Hand the returned cursor back once the page's dispatches are stored: that acknowledges its files. */
  pollDispatches(cursor: string | null): Promise<ConnectorResult<Page<DispatchAdviceIn>>> {
    const folder = this.config.dispatchFolder;
    if (!folder) return Promise.resolve(succeed(EMPTY));
    const columns = this.config.columns.dispatches;
    return pollFeed(this.config, this.feeds, parsingFeed("dispatch", folder, isCsvFile, (content, file) => parseDispatchFile(content, columns, file)), cursor);
  }

  /** As pollDispatches; each stock file is a snapshot or a delta as `stockFiles` says. */
  pollStock(cursor: string | null): Promise<ConnectorResult<Page<StockLevelIn>>> {
    const folder = this.config.stockFolder;
    if (!folder) return Promise.resolve(succeed(EMPTY));
    const { columns, facilityCode } = this.config;
    return pollFeed(this.config, this.feeds, parsingFeed("stock", folder, isCsvFile, (content, file) => parseStockFile(content, columns.stock, file, facilityCode)), cursor);
  }

  testConnection(): Promise<ConnectorResult<{ message: string }>> {
    return testSftpConnection(this.config);
  }
}
