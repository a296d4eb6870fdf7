// Per-warehouse stock levels and the product catalogue. Mintsoft's `StockLevels/UpdatedSince` answers
// with the ids of products whose level changed, so every row remembers when it last changed.

export interface WireStockLevel {
  ProductId: number;
  WarehouseId: number;
  ClientId: number;
  SKU: string;
  Level: number;
  PreOrderable: boolean;
  Bundle: boolean;
  LowStockLevel: number;
  Breakdown: unknown[];
  LastUpdated: string;
}

interface Row {
  level: number;
  updatedAt: Date;
}

export class StockStore {
  private readonly productIds = new Map<string, number>();
  private readonly levels = new Map<number, Map<string, Row>>();
  /** Null: any SKU is accepted on orders. */
  products: Set<string> | null = null;

  constructor(private readonly clientId: number) {}

  productId(sku: string): number {
    let id = this.productIds.get(sku);
    if (id === undefined) {
      id = this.productIds.size + 1;
      this.productIds.set(sku, id);
    }
    return id;
  }

  set(warehouseId: number, sku: string, level: number, at: Date): void {
    const table = this.levels.get(warehouseId) ?? new Map<string, Row>();
    this.levels.set(warehouseId, table);
    table.set(sku, { level, updatedAt: at });
    this.products?.add(sku);
    this.productId(sku);
  }

  /** Stock rows of one warehouse, or of every warehouse when none is given. */
  rows(warehouseId: number | null, filter: { productId?: number; sku?: string } = {}): WireStockLevel[] {
    const out: WireStockLevel[] = [];
    for (const [wid, table] of this.levels) {
      if (warehouseId !== null && wid !== warehouseId) continue;
      for (const [sku, row] of table) {
        const pid = this.productId(sku);
        if ((filter.productId !== undefined && filter.productId !== pid) || (filter.sku !== undefined && filter.sku !== sku)) continue;
        out.push({ ProductId: pid, WarehouseId: wid, ClientId: this.clientId, SKU: sku, Level: row.level, PreOrderable: false, Bundle: false, LowStockLevel: 0, Breakdown: [], LastUpdated: row.updatedAt.toISOString() });
      }
    }
    return out;
  }

  /** Product ids whose level changed at or after `since`, in any warehouse. */
  changedSince(since: Date): number[] {
    const ids = new Set<number>();
    for (const table of this.levels.values()) for (const [sku, row] of table) if (row.updatedAt >= since) ids.add(this.productId(sku));
    return [...ids].sort((a, b) => a - b);
  }
}
