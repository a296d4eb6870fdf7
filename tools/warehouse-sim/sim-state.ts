// Everything one simulated Mintsoft database holds, shared by the routes and the library API.
import { ApiKeys, type Credentials } from "./api-keys";
import { emptyCounters, type SimCounters } from "./counters";
import { Faults } from "./faults";
import { OrderStore } from "./order-store";
import { StockStore } from "./stock-store";

export interface SimConfig {
  clientId: number;
  warehouses: { id: number; name: string }[];
  credentials: Credentials;
  /** How Mintsoft answers a duplicate reference (unknown; README.md): 200 with Success false, or a 400. */
  duplicateStatus: 200 | 400;
  keyTtlMs: number;
  /** Despatch every new order in full after this delay; off when null. */
  autoDispatchMs: number | null;
  now: () => Date;
}

export class SimState {
  readonly stock: StockStore;
  readonly orders: OrderStore;
  readonly keys: ApiKeys;
  readonly faults: Faults;
  counters: SimCounters = emptyCounters();
  /** Called after an order is stored (auto-despatch hangs off it). */
  onCreated: (externalRef: string) => void = () => {};

  constructor(
    readonly config: SimConfig,
    seed: number,
  ) {
    this.stock = new StockStore(config.clientId);
    this.orders = new OrderStore((sku) => this.stock.productId(sku));
    this.keys = new ApiKeys(config.credentials, config.keyTtlMs);
    this.faults = new Faults(seed);
  }

  now(): Date {
    return this.config.now();
  }
}
