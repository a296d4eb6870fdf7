// The warehouse behind the SFTP server: it takes in complete `.csv` order files (never `.tmp`), refuses a
// file name it has seen before as real 3PLs do, counts every order it receives per reference, moves files
// to processed / rejected, and writes dispatch and stock files when a test (or auto-dispatch) ships.
import { posix } from "node:path";
import type { MemoryFs } from "./memory-fs";
import type { SimFileFormat } from "./sim-format";

export interface SftpFolders {
  orders: string;
  processed: string;
  rejected: string;
  dispatches: string;
  stock: string;
}

export interface SftpSimCounters {
  /** Complete `.csv` files taken from the orders folder, duplicates included. */
  filesReceived: number;
  /** Files whose name had been taken in before: dropped unread (each would be a second order at a warehouse without that check). */
  duplicateFiles: number;
  /** Orders received per reference: any value above 1 is a duplicate that would ship twice. */
  ordersByReference: Map<string, number>;
  /** Orders received for a reference the warehouse already held. */
  duplicates: number;
  /** Files refused (moved to the rejected folder with a `.err` reason). */
  rejected: number;
  shipments: number;
  stockFiles: number;
  /** Files the warehouse wrote back in answer to an order file (X12: its 997s). */
  answers: number;
  /** Files taken in that carried no order (X12: Loadbay's 997s). */
  acknowledgementsReceived: number;
}

export const emptySftpCounters = (): SftpSimCounters => ({
  filesReceived: 0, duplicateFiles: 0, ordersByReference: new Map(), duplicates: 0, rejected: 0, shipments: 0, stockFiles: 0, answers: 0, acknowledgementsReceived: 0,
});

export interface SimLine {
  sku: string;
  quantity: number;
}

export interface WarehouseOrder {
  /** The warehouse's own id. */
  id: string;
  reference: string;
  fileName: string;
  receivedAt: Date;
  lines: SimLine[];
  shipped: Map<string, number>;
  fields: Record<string, string>;
}

export interface SftpDispatchOptions {
  /** What this shipment carries; everything still open when absent. */
  lines?: SimLine[];
  /** The shipment's parcels, each with its tracking number; with more than one, each names its lines. */
  parcels?: { tracking: string; lines?: SimLine[] }[];
  /** One parcel's tracking (when `parcels` is absent). */
  tracking?: { number: string; url?: string };
  carrier?: string;
  at?: Date;
}

export interface WarehouseConfig {
  folders: SftpFolders;
  /** CSV or X12 files. */
  format: SimFileFormat;
  /** What happens to an order file once read: moved to the processed folder, or deleted. */
  archive: "move" | "delete";
  dedupeByName: boolean;
  products: Set<string> | null;
  facilityCode: string;
  /** "on-change": a stock file after every stock movement; "manual": only on publishStock(). */
  stockFeed: "on-change" | "manual";
  now: () => Date;
}

const seq = (n: number) => String(n).padStart(6, "0");

export class SftpWarehouse {
  readonly orders: WarehouseOrder[] = [];
  counters = emptySftpCounters();
  readonly stock = new Map<string, number>();
  onReceived: (order: WarehouseOrder) => void = () => undefined;
  private readonly consumed = new Set<string>();
  private fileSeq = 0;
  private orderSeq = 0;

  constructor(
    private readonly fs: MemoryFs,
    readonly config: WarehouseConfig,
  ) {
    for (const folder of Object.values(config.folders)) fs.mkdirp(folder);
  }

  /** Takes in every complete order file now waiting; returns the orders received. */
  pickUp(): WarehouseOrder[] {
    const extension = `.${this.config.format.extension}`;
    const waiting = (this.fs.list(this.config.folders.orders) ?? []).filter((e) => e.kind === "file" && e.name.toLowerCase().endsWith(extension));
    return waiting.flatMap((entry) => this.takeIn(entry.name));
  }

  ordersFor(reference: string): WarehouseOrder[] {
    return this.orders.filter((o) => o.reference === reference);
  }

  private takeIn(name: string): WarehouseOrder[] {
    const { folders } = this.config;
    const path = posix.join(folders.orders, name);
    const file = this.fs.file(path);
    if (!file) return [];
    this.counters.filesReceived++;
    if (this.config.dedupeByName && this.consumed.has(name)) {
      this.counters.duplicateFiles++;
      this.fs.delete(path);
      return [];
    }
    this.consumed.add(name);
    const read = this.config.format.readOrderFile(file.data, this.config.products);
    if (read.answer !== undefined) {
      this.counters.answers++;
      this.writeFile(folders.dispatches, "ACK", read.answer);
    }
    if (!read.ok) {
      this.counters.rejected++;
      this.fs.move(path, posix.join(folders.rejected, name));
      this.fs.put(posix.join(folders.rejected, `${name}.err`), read.reason);
      return [];
    }
    if (read.notAnOrder) this.counters.acknowledgementsReceived++;
    const received = read.orders.map((o) => this.store(o.reference, o.lines, o.fields, name));
    if (this.config.archive === "move") this.fs.move(path, posix.join(folders.processed, name));
    else this.fs.delete(path);
    return received;
  }

  private store(reference: string, lines: SimLine[], fields: Record<string, string>, fileName: string): WarehouseOrder {
    const order = { id: `WH-${++this.orderSeq}`, reference, fileName, receivedAt: this.config.now(), lines, shipped: new Map<string, number>(), fields };
    if (this.orders.some((o) => o.reference === reference)) this.counters.duplicates++;
    this.counters.ordersByReference.set(reference, (this.counters.ordersByReference.get(reference) ?? 0) + 1);
    this.orders.push(order);
    this.onReceived(order);
    return order;
  }

  /** What is still to ship, per SKU. */
  open(order: WarehouseOrder): Map<string, number> {
    const open = new Map<string, number>();
    for (const line of order.lines) open.set(line.sku, (open.get(line.sku) ?? 0) + line.quantity);
    for (const [sku, shipped] of order.shipped) open.set(sku, (open.get(sku) ?? 0) - shipped);
    return new Map([...open].filter(([, q]) => q > 0));
  }

  /** Ships (part of) the newest order with this reference; writes one dispatch file. */
  dispatch(reference: string, options: SftpDispatchOptions = {}): { shipmentId: string; path: string } {
    const order = this.ordersFor(reference).at(-1);
    if (!order) throw new Error(`warehouse-sim (sftp): no order with reference ${reference}`);
    const open = this.open(order);
    const parcels = this.parcels(options, [...open].map(([sku, quantity]) => ({ sku, quantity })));
    for (const line of parcels.flatMap((p) => p.lines)) {
      const left = open.get(line.sku) ?? 0;
      if (line.quantity <= 0 || line.quantity > left) throw new Error(`warehouse-sim (sftp): cannot ship ${line.quantity} × ${line.sku}; ${left} open`);
      open.set(line.sku, left - line.quantity);
      order.shipped.set(line.sku, (order.shipped.get(line.sku) ?? 0) + line.quantity);
    }
    const shipmentId = `SHP-${seq(++this.counters.shipments)}`;
    const complete = [...open.values()].every((q) => q === 0);
    const at = options.at ?? this.config.now();
    const content = this.config.format.dispatchFile({ order, shipmentId, parcels, complete, at, carrier: options.carrier ?? "DPD", remaining: open });
    const path = this.writeFile(this.config.folders.dispatches, "DSP", content);
    this.moveStock(parcels.flatMap((p) => p.lines).map((l) => ({ sku: l.sku, delta: -l.quantity })));
    return { shipmentId, path };
  }

  private parcels(options: SftpDispatchOptions, open: SimLine[]): { tracking: string; url: string; lines: SimLine[] }[] {
    const lines = options.lines ?? open;
    const url = (n: string) => options.tracking?.url ?? `https://track.example.test/${n}`;
    const given = options.parcels ?? [{ tracking: options.tracking?.number ?? `TRK${this.counters.shipments + 1}P1` }];
    if (given.length > 1 && given.some((p) => !p.lines)) throw new Error("warehouse-sim (sftp): with several parcels, give each its lines");
    return given.map((p) => ({ tracking: p.tracking, url: url(p.tracking), lines: p.lines ?? lines }));
  }

  /** Sets free stock per SKU (a stock count); writes a stock file when the feed is "on-change". */
  setStock(levels: Record<string, number>): void {
    for (const [sku, level] of Object.entries(levels)) this.stock.set(sku, level);
    if (this.config.stockFeed === "on-change") this.publishStock();
  }

  /** Stock movements (receipts +, picks −) for SKUs the warehouse counts. */
  moveStock(movements: { sku: string; delta: number }[]): void {
    const counted = movements.filter((m) => this.stock.has(m.sku));
    const applied = counted.map((m) => {
      const before = this.stock.get(m.sku) ?? 0;
      const after = Math.max(0, before + m.delta);
      this.stock.set(m.sku, after);
      return { sku: m.sku, delta: after - before };
    });
    if (!counted.length || this.config.stockFeed !== "on-change") return;
    const { format, facilityCode, now } = this.config;
    if (!format.adjustmentFile) return void this.publishStock();
    const moved = applied.filter((m) => m.delta !== 0);
    if (!moved.length) return;
    this.counters.stockFiles++;
    this.writeFile(this.config.folders.stock, "ADJ", format.adjustmentFile(facilityCode, moved, now()));
  }

  /** Writes a snapshot of every counted SKU. */
  publishStock(): string {
    this.counters.stockFiles++;
    const levels = [...this.stock].sort(([a], [b]) => a.localeCompare(b));
    return this.writeFile(this.config.folders.stock, "STK", this.config.format.stockFile(this.config.facilityCode, levels, this.config.now()));
  }

  private writeFile(folder: string, prefix: string, content: string): string {
    const path = posix.join(folder, `${prefix}_${seq(++this.fileSeq)}.${this.config.format.extension}`);
    this.fs.put(path, content);
    return path;
  }
}
