// OrderWise in its classic web-service pattern (docs/connectors/orderwise.md, decision 0023): OrderWise
// pulls sales-order XML from Loadbay, acknowledges each order, and pushes despatch and free-stock XML.
// Loadbay never calls OrderWise, so "submitting" an order queues it for the next pull (transport state);
// the acknowledgement makes it accepted. Nothing here needs OrderWise's credentials.
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import type {
  ConnectorCapabilities, ConnectorFailure, ConnectorResult, DispatchAdviceIn, InboundPush, OutboundOrder, Page, PullAcknowledgementIn, PullTransport, StockLevelIn, SubmitReceipt, WarehouseConnector,
} from "../warehouse-connector";
import { readAcknowledgements } from "./acknowledgement-xml";
import { readDespatches } from "./despatch-xml";
import { readFreeStock } from "./free-stock-xml";
import { orderWiseConfigSchema, type OrderWiseConfig, type OrderWiseConfigInput } from "./orderwise-config";
import { LAST_PULL_STAMP, PULL_KEY, pullTransportSchema } from "./pull-queue";
import { salesOrdersXml } from "./sales-order-xml";

export interface OrderWiseDeps {
  scope: InboundFileScope;
  state: TransportState;
  now?: () => Date;
}

const fail = <T>(error: ConnectorFailure): ConnectorResult<T> => ({ ok: false, error });
const succeed = <T>(value: T): ConnectorResult<T> => ({ ok: true, value });

export class OrderWiseConnector implements WarehouseConnector {
  /**
   * Cancel and amend: no. Loadbay cannot call OrderWise, and the classic pattern has no cancellation or
   * amendment document; once pulled, the order is OrderWise's, so the merchant changes it there
   * (decision 0017's "Done at the warehouse"). Dispatches and stock arrive only as pushes.
   */
  readonly capabilities: ConnectorCapabilities = {
    dispatches: "push", stock: { mode: "push", kind: "snapshot" }, cancel: false, amend: false, returns: false, acceptance: "on-acknowledgement",
  };
  readonly pull: PullTransport;
  private readonly config: OrderWiseConfig;
  private readonly now: () => Date;

  /** Throws on invalid settings: they are validated by the settings form before a connector is built. */
  constructor(input: OrderWiseConfigInput, private readonly deps: OrderWiseDeps) {
    this.config = orderWiseConfigSchema.parse(input);
    this.now = deps.now ?? (() => new Date());
    const config = this.config;
    this.pull = {
      batchSize: config.pullBatchSize,
      renderOrders: (orders) => ({ contentType: "application/xml; charset=utf-8", body: salesOrdersXml(orders.map((o) => o.draft), config) }),
      readAcknowledgements: (body): ConnectorResult<PullAcknowledgementIn[]> => {
        const read = readAcknowledgements(body);
        return read.ok ? succeed(read.value) : fail({ kind: "rejected", message: `The OrderWise acknowledgement was ${read.error}.` });
      },
    };
  }

  /**
   * Queues the order for OrderWise's next pull: "transmitted" (Loadbay's side is done), accepted on
   * OrderWise's acknowledgement. Idempotent: the queue entry is stored once (first writer wins), and an
   * order already queued, pulled or accepted answers "already there".
   */
  async submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
    try {
      const stored = pullTransportSchema.parse((await this.deps.state.recall(this.deps.scope, order.warehouseOrderId)) ?? {});
      if (stored.pull) return succeed({ warehouseReference: null, alreadyThere: true, accepted: stored.acknowledgement === "accepted" });
      const entry = { reference: order.draft.idempotencyKey, queuedAt: this.now().toISOString() };
      await this.deps.state.keep(this.deps.scope, order.warehouseOrderId, PULL_KEY, entry);
      return succeed({ warehouseReference: null, alreadyThere: false, accepted: false });
    } catch (error) {
      return fail({ kind: "transient", message: `Loadbay could not queue ${order.draft.idempotencyKey} for OrderWise to pull (${(error as Error).message}).` });
    }
  }

  async cancelOrder(order: OutboundOrder): Promise<ConnectorResult<{ cancelled: boolean }>> {
    return fail({ kind: "rejected", message: `Loadbay cannot cancel orders in OrderWise. Cancel ${order.draft.idempotencyKey} in OrderWise.` });
  }

  /** OrderWise pushes despatches; nothing to poll. */
  async pollDispatches(): Promise<ConnectorResult<Page<DispatchAdviceIn>>> {
    return succeed({ items: [], nextCursor: null });
  }

  /** OrderWise pushes free stock; nothing to poll. */
  async pollStock(): Promise<ConnectorResult<Page<StockLevelIn>>> {
    return succeed({ items: [], nextCursor: null });
  }

  receivePush(push: InboundPush): ConnectorResult<{ dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }> {
    if (push.kind === "stock") {
      const stock = readFreeStock(push.body, this.config.facilityCode, this.now());
      return stock.ok ? succeed({ dispatches: [], stock: stock.value }) : fail({ kind: "rejected", message: `The OrderWise free stock was ${stock.error}.` });
    }
    const despatches = readDespatches(push.body);
    return despatches.ok ? succeed({ dispatches: despatches.value, stock: [] }) : fail({ kind: "rejected", message: `The OrderWise despatch was ${despatches.error}.` });
  }

  /** Loadbay cannot call OrderWise: the check is when OrderWise last pulled. */
  async testConnection(): Promise<ConnectorResult<{ message: string }>> {
    const last = await this.deps.state.stampOf(this.deps.scope, LAST_PULL_STAMP);
    if (!last) {
      return succeed({ message: "OrderWise has not pulled orders yet. Give OrderWise the orders and acknowledgements addresses and the basic-auth credentials from “Pushes from the warehouse”." });
    }
    return succeed({ message: `OrderWise last pulled orders at ${last.toISOString()}.` });
  }
}
