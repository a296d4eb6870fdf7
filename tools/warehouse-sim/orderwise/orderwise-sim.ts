// An OrderWise in its classic web-service pattern, for tests, the demo and chaos runs: it polls Loadbay's
// pull endpoint over HTTP with basic auth, takes each new order once (a reference it already holds is
// acknowledged again, never stored twice), acknowledges, and later pushes despatch XML (whole or in
// parts, with consignment numbers) and free-stock XML. Faults: a lost acknowledgement, duplicate pushes,
// and Loadbay answering 5xx (retried with backoff). It counts every order reference it receives.
import { acknowledgementXml, despatchXml, freeStockXml, readSalesOrders, type Ack, type Delivery, type PulledOrder } from "./orderwise-xml";

export interface OrderWiseSimOptions {
  /** Loadbay's per-connection base, e.g. http://127.0.0.1:3000/inbound/<connection id>. */
  baseUrl: string;
  username: string;
  password: string;
  /** When given, an order with another product is rejected ("Unknown product …"). */
  products?: string[];
  /** Attempts per call when Loadbay answers 5xx or cannot be reached. */
  attempts?: number;
  now?: () => Date;
}

export interface OrderWiseFaults {
  /** The next N acknowledgements are never sent (OrderWise crashed after reading the pull). */
  loseAcknowledgements: number;
  /** Every push is sent twice. */
  duplicatePushes: boolean;
}

export interface StoredSalesOrder extends PulledOrder {
  orderNumber: string;
  despatched: Map<string, number>;
  deliveries: number;
}

export interface OrderWiseCounters {
  pulls: number;
  /** How many times each order reference arrived in a pull (re-pulls included). */
  received: Map<string, number>;
  acknowledgementsSent: number;
  pushesSent: number;
  /** Calls retried after a 5xx or a connection failure. */
  retries: number;
}

export class OrderWiseSim {
  readonly faults: OrderWiseFaults = { loseAcknowledgements: 0, duplicatePushes: false };
  readonly counters: OrderWiseCounters = { pulls: 0, received: new Map(), acknowledgementsSent: 0, pushesSent: 0, retries: 0 };
  private readonly orders = new Map<string, StoredSalesOrder>();
  private readonly rejectedRefs = new Map<string, string>();
  private nextOrderNumber = 1;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: OrderWiseSimOptions) {}

  private get now() {
    return this.options.now?.() ?? new Date();
  }

  ordersFor(reference: string): StoredSalesOrder[] {
    const order = this.orders.get(reference);
    return order ? [order] : [];
  }

  received(reference: string): number {
    return this.counters.received.get(reference) ?? 0;
  }

  /** Refuse this reference at its next pull, with OrderWise's message. */
  rejectNext(reference: string, message: string): void {
    this.rejectedRefs.set(reference, message);
  }

  /** One poll: GET the waiting orders, take the new ones, acknowledge every one (unless the ack is lost). */
  async pullOnce(): Promise<{ references: string[]; acknowledged: boolean }> {
    const answer = await this.call("GET", "orders");
    this.counters.pulls++;
    const pulled = readSalesOrders(answer);
    const acks = pulled.map((order) => this.take(order));
    if (acks.length === 0) return { references: [], acknowledged: false };
    if (this.faults.loseAcknowledgements > 0) {
      this.faults.loseAcknowledgements--;
      return { references: pulled.map((o) => o.orderReference), acknowledged: false };
    }
    await this.call("POST", "acknowledgements", acknowledgementXml(acks));
    this.counters.acknowledgementsSent++;
    return { references: pulled.map((o) => o.orderReference), acknowledged: true };
  }

  private take(order: PulledOrder): Ack {
    const ref = order.orderReference;
    this.counters.received.set(ref, this.received(ref) + 1);
    const known = this.orders.get(ref);
    if (known) return { orderReference: ref, accepted: true, orderNumber: known.orderNumber };
    const refusal = this.rejectedRefs.get(ref) ?? this.unknownProduct(order);
    if (refusal) {
      this.rejectedRefs.delete(ref);
      return { orderReference: ref, accepted: false, message: refusal };
    }
    const orderNumber = `SO${String(this.nextOrderNumber++).padStart(6, "0")}`;
    this.orders.set(ref, { ...order, orderNumber, despatched: new Map(), deliveries: 0 });
    return { orderReference: ref, accepted: true, orderNumber };
  }

  private unknownProduct(order: PulledOrder): string | null {
    const known = this.options.products;
    const unknown = known ? order.lines.find((l) => !known.includes(l.productCode)) : undefined;
    return unknown ? `Unknown product ${unknown.productCode}` : null;
  }

  /** Polls every `intervalMs` until `stop()`; errors are retried at the next tick. */
  start(intervalMs: number): void {
    const tick = () => void this.pullOnce().catch(() => undefined).finally(() => { if (this.timer) this.timer = setTimeout(tick, intervalMs); });
    this.timer = setTimeout(tick, intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Despatches the rest of an order in `parts` deliveries (one push each): every part but the last is
   * "Partially despatched". Returns the deliveries pushed.
   */
  async despatch(reference: string, options: { parts?: number; courierName?: string } = {}): Promise<Delivery[]> {
    const order = this.orders.get(reference);
    if (!order) throw new Error(`OrderWise holds no order ${reference}`);
    const parts = Math.max(1, options.parts ?? 1);
    const remaining = order.lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity - (order.despatched.get(l.productCode) ?? 0) })).filter((l) => l.quantity > 0);
    const deliveries: Delivery[] = [];
    for (let part = 0; part < parts; part++) {
      const lines = remaining.filter((_, i) => i % parts === part);
      if (lines.length === 0) continue;
      order.deliveries++;
      for (const l of lines) order.despatched.set(l.productCode, (order.despatched.get(l.productCode) ?? 0) + l.quantity);
      const complete = order.lines.every((l) => (order.despatched.get(l.productCode) ?? 0) >= l.quantity);
      const delivery: Delivery = {
        orderReference: reference, orderNumber: order.orderNumber, deliveryNumber: `${order.orderNumber}-D${order.deliveries}`, complete, at: this.now,
        courierName: options.courierName ?? "DPD", consignmentNumbers: [`15501${order.orderNumber.slice(2)}${order.deliveries}`], lines,
      };
      await this.push("dispatches", despatchXml([delivery]));
      deliveries.push(delivery);
    }
    return deliveries;
  }

  /** Pushes one delivery again, exactly as before (a warehouse resending after a lost answer). */
  async pushAgain(delivery: Delivery): Promise<void> {
    await this.push("dispatches", despatchXml([delivery]));
  }

  async pushFreeStock(levels: Record<string, number>, warehouseCode?: string): Promise<void> {
    await this.push("stock", freeStockXml(levels, this.now, warehouseCode));
  }

  private async push(kind: "dispatches" | "stock", body: string): Promise<void> {
    const times = this.faults.duplicatePushes ? 2 : 1;
    for (let i = 0; i < times; i++) {
      await this.call("POST", kind, body);
      this.counters.pushesSent++;
    }
  }

  /** One HTTP call with basic auth; 5xx and connection failures are retried with backoff, 4xx throw. */
  private async call(method: "GET" | "POST", path: string, body?: string): Promise<string> {
    const attempts = this.options.attempts ?? 5;
    const authorization = `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString("base64")}`;
    let last = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        this.counters.retries++;
        await new Promise((r) => setTimeout(r, 20 * 2 ** (attempt - 2)));
      }
      try {
        const response = await fetch(`${this.options.baseUrl.replace(/\/$/, "")}/${path}`, {
          method, body, headers: { authorization, ...(body ? { "content-type": "application/xml" } : {}) }, signal: AbortSignal.timeout(5_000),
        });
        const text = await response.text();
        if (response.ok) return text;
        last = `HTTP ${response.status} ${text}`;
        if (response.status < 500) throw new OrderWiseCallRefused(`${method} ${path}: ${last}`);
      } catch (error) {
        if (error instanceof OrderWiseCallRefused) throw error;
        last = (error as Error).message;
      }
    }
    throw new Error(`${method} ${path} failed after ${attempts} attempts: ${last}`);
  }
}

export class OrderWiseCallRefused extends Error {}
