// Mintsoft (REST; platform facts, "Warehouses"): orders are accepted on submit, dispatches and stock are
// polled (or pushed as callbacks), cancellation goes through Mintsoft's cancel call. Credentials are
// never logged.
import type {
  ConnectorCapabilities, ConnectorResult, DispatchAdviceIn, InboundPush, OutboundOrder, Page, StockLevelIn, SubmitReceipt, WarehouseConnector,
} from "../warehouse-connector";
import { cancelOrder } from "./cancel-order.server";
import { fail, succeed, unexpectedAnswer } from "./failures";
import { httpFetch } from "~/lib/http.server";
import { mintsoftConfigSchema, type MintsoftConfig, type MintsoftConfigInput } from "./mintsoft-config";
import { MintsoftHttp, type HttpDeps } from "./mintsoft-http.server";
import { warehousesSchema } from "./mintsoft-schemas";
import { pollDispatches, pollStock } from "./polling.server";
import { receivePush } from "./push";
import { submitOrder } from "./submit-order.server";

export class MintsoftConnector implements WarehouseConnector {
  readonly capabilities: ConnectorCapabilities = {
    dispatches: "poll",
    stock: { mode: "poll", kind: "both" },
    cancel: true,
    amend: false,
    returns: false,
    acceptance: "on-submit",
  };
  private readonly config: MintsoftConfig;
  private readonly http: MintsoftHttp;
  private readonly now: () => Date;

  /** Throws on invalid settings: they are validated by the settings form before a connector is built. */
  constructor(input: MintsoftConfigInput, deps: Partial<HttpDeps> = {}) {
    this.config = mintsoftConfigSchema.parse(input);
    this.now = deps.now ?? (() => new Date());
    this.http = new MintsoftHttp(this.config, { fetch: deps.fetch ?? httpFetch, now: this.now });
  }

  submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
    return submitOrder(this.http, this.config, order);
  }

  cancelOrder(order: OutboundOrder, _warehouseReference: string | null): Promise<ConnectorResult<{ cancelled: boolean }>> {
    return cancelOrder(this.http, order);
  }

  pollDispatches(cursor: string | null): Promise<ConnectorResult<Page<DispatchAdviceIn>>> {
    return pollDispatches(this.http, this.config, cursor, this.now());
  }

  pollStock(cursor: string | null): Promise<ConnectorResult<Page<StockLevelIn>>> {
    return pollStock(this.http, this.config, cursor, this.now());
  }

  /** Despatch and stock callbacks, for warehouses that push rather than being polled. */
  receivePush(push: InboundPush): ConnectorResult<{ dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }> {
    return receivePush(this.config, push, this.now());
  }

  /** Signs in afresh, then reads the warehouse list (cheap) and checks the configured warehouse is in it. */
  async testConnection(): Promise<ConnectorResult<{ message: string }>> {
    const key = await this.http.authenticate();
    if (!key.ok) return key;
    const answer = await this.http.send({ method: "GET", path: "/api/Warehouse" });
    if (!answer.ok) return answer;
    const warehouses = warehousesSchema.safeParse(answer.value.body);
    if (answer.value.status !== 200 || !warehouses.success) return fail(unexpectedAnswer("the warehouse list", answer.value.status));
    const warehouse = warehouses.data.find((w) => w.ID === this.config.warehouseId);
    if (!warehouse) {
      return fail({ kind: "rejected", message: `Mintsoft accepted the credentials but has no warehouse with id ${this.config.warehouseId}. Check the warehouse id in the connection settings.` });
    }
    return succeed({ message: `Connected to Mintsoft at ${this.config.baseUrl}; orders go to warehouse “${warehouse.Name ?? warehouse.ID}”.` });
  }
}
