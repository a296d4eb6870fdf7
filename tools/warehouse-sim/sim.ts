// The Mintsoft warehouse simulator as a library: start it (port 0 in tests), drive the warehouse side
// (despatch, stock, faults) and read the counters. README.md lists the wire format and what is assumed.
import type { Credentials } from "./api-keys";
import type { SimCounters } from "./counters";
import { dispatchOrder, type DispatchOptions } from "./dispatch";
import type { FaultSettings } from "./faults";
import { SimServer } from "./http-server";
import { SimState, type SimConfig } from "./sim-state";
import type { WireOrder } from "./wire-types";

export interface WarehouseSimOptions {
  port?: number;
  credentials?: Credentials;
  clientId?: number;
  warehouses?: { id: number; name: string }[];
  /** SKUs the client holds; orders for any other SKU are refused. Absent: any SKU is accepted. */
  products?: string[];
  duplicateStatus?: 200 | 400;
  keyTtlMs?: number;
  autoDispatchMs?: number | null;
  seed?: number;
  now?: () => Date;
}

const DEFAULTS = {
  credentials: { username: "loadbay", password: "sim-password" },
  clientId: 1,
  warehouses: [{ id: 3, name: "Main Warehouse" }],
  keyTtlMs: 24 * 60 * 60 * 1000,
};

export class WarehouseSim {
  constructor(
    private readonly state: SimState,
    private readonly server: SimServer,
  ) {
    state.onCreated = (ref) => this.scheduleAutoDispatch(ref);
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  get credentials(): Credentials {
    return this.state.keys.credentials;
  }

  get counters(): SimCounters {
    return this.state.counters;
  }

  /** Every stored order, split parts included. */
  orders(): WireOrder[] {
    return this.state.orders.all();
  }

  ordersFor(externalRef: string): WireOrder[] {
    return this.state.orders.search(externalRef).filter((o) => o.ExternalOrderReference === externalRef);
  }

  dispatch(externalRef: string, options: DispatchOptions = {}): WireOrder {
    return dispatchOrder(this.state.orders, externalRef, options, this.state.now());
  }

  setStock(warehouseId: number, levels: Record<string, number>): void {
    for (const [sku, level] of Object.entries(levels)) this.state.stock.set(warehouseId, sku, level, this.state.now());
  }

  setProducts(skus: string[] | null): void {
    this.state.stock.products = skus ? new Set(skus) : null;
  }

  /** Changes the password: keys already issued keep working until expireApiKeys(). */
  setPassword(password: string): void {
    this.state.keys.credentials = { ...this.state.keys.credentials, password };
  }

  expireApiKeys(): void {
    this.state.keys.expireAll();
  }

  /** Turns fault switches on (merged into the current ones); `seed` restarts the RNG. */
  async setFaults(patch: Partial<FaultSettings>, seed?: number): Promise<void> {
    this.state.faults.set(patch, seed);
    if (patch.outage?.mode === "refuse") await this.refuseUntil(patch.outage.until);
  }

  async clearFaults(): Promise<void> {
    this.state.faults.clear();
    await this.server.resume();
  }

  resetCounters(): void {
    this.state.counters = { createRequests: 0, ordersByReference: new Map(), duplicates: 0, rejected: 0 };
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async refuseUntil(until: Date | undefined): Promise<void> {
    await this.server.stopListening();
    if (!until) return;
    void this.server.sleep(Math.max(0, until.getTime() - Date.now())).then(() => this.clearOutage());
  }

  private async clearOutage(): Promise<void> {
    this.state.faults.set({ outage: null });
    await this.server.resume();
  }

  private scheduleAutoDispatch(ref: string): void {
    const delay = this.state.config.autoDispatchMs;
    if (delay === null) return;
    void this.server.sleep(delay).then(() => {
      if (this.ordersFor(ref).some((o) => o.DespatchDate === null)) this.dispatch(ref);
    });
  }
}

export async function startWarehouseSim(options: WarehouseSimOptions = {}): Promise<WarehouseSim> {
  const config: SimConfig = {
    clientId: options.clientId ?? DEFAULTS.clientId,
    warehouses: options.warehouses ?? DEFAULTS.warehouses,
    credentials: options.credentials ?? DEFAULTS.credentials,
    duplicateStatus: options.duplicateStatus ?? 200,
    keyTtlMs: options.keyTtlMs ?? DEFAULTS.keyTtlMs,
    autoDispatchMs: options.autoDispatchMs ?? null,
    now: options.now ?? (() => new Date()),
  };
  const state = new SimState(config, options.seed ?? 1);
  if (options.products) state.stock.products = new Set(options.products);
  const server = new SimServer(state);
  await server.listen(options.port ?? 0);
  return new WarehouseSim(state, server);
}
