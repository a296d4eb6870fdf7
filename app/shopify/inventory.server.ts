// Stock in Shopify: the catalogue and its "available" read by a bulk operation, a few rows re-read by
// id, and `inventorySetQuantities` with `changeFromQuantity` on every row under an `@idempotent` key.
// Answers are parsed with zod at this trust boundary; failures map to the inventory area's closed set.
import { z } from "zod";
import type { CatalogPart, LevelRead, ShopifyFailure, ShopifyInventory, ShopifyResult } from "~/modules/inventory/inventory.ports";
import type { ShopifyVariant } from "~/modules/inventory/item-map";
import type { WriteBatch } from "~/modules/inventory/stock-writes";
import type { AdminFailure, AdminGateway } from "./admin-gateway.server";
import { BULK_STATUS, catalogSliceQuery, ITEM_ID_BOUNDS, REREAD_LEVELS, RUN_BULK_QUERY, SET_QUANTITIES } from "./inventory-documents";

const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() }));
const runAnswer = z.object({ bulkOperationRunQuery: z.object({ bulkOperation: z.object({ id: z.string() }).nullable(), userErrors }) });
const statusAnswer = z.object({ node: z.object({ status: z.string(), errorCode: z.string().nullable(), url: z.string().nullable() }).nullable() });
const quantities = z.array(z.object({ name: z.string(), quantity: z.number().int() }));
const rereadAnswer = z.object({
  nodes: z.array(z.object({ id: z.string().optional(), inventoryLevels: z.object({ nodes: z.array(z.object({ location: z.object({ id: z.string() }), quantities })) }).optional() }).nullable()),
});
const setAnswer = z.object({ inventorySetQuantities: z.object({ userErrors }).nullable() });
const itemLine = z.object({ id: z.string(), sku: z.string().nullable(), tracked: z.boolean(), variant: z.object({ id: z.string(), displayName: z.string() }).nullable() });
const levelLine = z.object({ __parentId: z.string(), location: z.object({ id: z.string() }), quantities });

const boundsAnswer = z.object({ lowest: z.object({ nodes: z.array(z.object({ id: z.string() })) }), highest: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });

/**
 * Slices of the catalogue read: a small first one (a quarter of the others), so the first writes start
 * while the bucket is still full, then eight even ones. Until the first write the bucket's restore is lost.
 */
const SLICES = 8;
const FIRST_SLICE_SHARE = 0.25;
const numericId = (gid: string) => {
  const n = Number(gid.slice(gid.lastIndexOf("/") + 1));
  return Number.isSafeInteger(n) ? n : null;
};

/**
 * [from, to] id ranges that together cover [low, high], in order and without overlap: a first range of
 * `firstShare` of an even one, then at most `count` even ones for the rest.
 */
export function slices(low: number, high: number, count: number, firstShare = 1): [number, number][] {
  const step = Math.max(1, Math.ceil((high - low + 1) / Math.max(1, count)));
  const first = Math.max(1, Math.min(step, Math.ceil(step * firstShare)));
  const out: [number, number][] = [[low, Math.min(high, low + first - 1)]];
  for (let from = low + first; from <= high; from += step) out.push([from, Math.min(high, from + step - 1)]);
  return out;
}

/** Items per re-read call: 25 × about 33 points stays well under the 1,000-point cap. */
const REREAD_CHUNK = 25;
const WRITE_MAX_WAIT_MS = 10_000;
/** Status polls in a row that may go unanswered before the read gives up. */
const POLL_UNANSWERED_MAX = 3;

export class ShopifyInventoryGateway implements ShopifyInventory {
  constructor(
    private readonly admin: AdminGateway,
    private readonly options: { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void>; bulkTimeoutMs?: number; slices?: number } = {},
  ) {}

  /**
   * The catalogue in slices by item id, one bulk operation after another: each slice is handed to
   * `onPart` as soon as it is read, so writing starts after the first slice instead of the last
   * (decision 0021). A shop with few items is one slice.
   */
  async readCatalog(shop: string, options: { onPart?(part: CatalogPart): void } = {}): Promise<ShopifyResult<CatalogPart>> {
    const bounds = await this.admin.request<unknown>(shop, ITEM_ID_BOUNDS);
    if (!bounds.ok) return failure(bounds.error, 0);
    let points = bounds.value.actualCost;
    const parsed = boundsAnswer.safeParse(bounds.value.data);
    if (!parsed.success) return { ok: false, error: { kind: "invalid-request", message: `Shopify's inventory item ids for ${shop} did not have the expected shape.` }, points };
    const [low, high] = [parsed.data.lowest.nodes[0]?.id, parsed.data.highest.nodes[0]?.id].map((id) => (id ? numericId(id) : null));
    if (low == null || high == null) return { ok: true, value: { variants: [], levels: [] }, points };
    const whole: CatalogPart = { variants: [], levels: [] };
    for (const [from, to] of slices(low, high, this.options.slices ?? SLICES, FIRST_SLICE_SHARE)) {
      const part = await this.readSlice(shop, catalogSliceQuery(from, to));
      points += part.points;
      if (!part.ok) return { ...part, points };
      options.onPart?.(part.value);
      whole.variants.push(...part.value.variants);
      whole.levels.push(...part.value.levels);
    }
    return { ok: true, value: whole, points };
  }

  private async readSlice(shop: string, query: string): Promise<ShopifyResult<CatalogPart>> {
    let points = 0;
    const started = await this.admin.request<unknown>(shop, RUN_BULK_QUERY, { query });
    if (!started.ok) return failure(started.error, points);
    points += started.value.actualCost;
    const run = runAnswer.safeParse(started.value.data);
    if (!run.success || !run.data.bulkOperationRunQuery.bulkOperation) {
      const why = run.success ? run.data.bulkOperationRunQuery.userErrors.map((e) => e.message).join("; ") : "unexpected answer";
      return { ok: false, error: { kind: "unavailable", message: `Shopify did not start the inventory read for ${shop}: ${why}` }, points };
    }
    const id = run.data.bulkOperationRunQuery.bulkOperation.id;
    const deadline = Date.now() + (this.options.bulkTimeoutMs ?? 30 * 60_000);
    let unanswered = 0;
    for (let wait = 100; Date.now() < deadline; wait = Math.min(2_000, Math.round(wait * 1.5))) {
      const polled = await this.admin.request<unknown>(shop, BULK_STATUS, { id });
      // A status poll only reads, so one that got no answer (a connection reset) is simply asked again;
      // failing here would throw away the slices read so far and the rest of the run with them.
      if (!polled.ok && polled.error.kind === "unavailable" && ++unanswered <= POLL_UNANSWERED_MAX) {
        await (this.options.sleep ?? sleep)(wait);
        continue;
      }
      if (!polled.ok) return failure(polled.error, points);
      unanswered = 0;
      points += polled.value.actualCost;
      const status = statusAnswer.safeParse(polled.value.data);
      const node = status.success ? status.data.node : null;
      if (node?.status === "COMPLETED") return { ok: true, value: node.url ? await this.download(node.url) : { variants: [], levels: [] }, points };
      if (node && ["FAILED", "CANCELED", "EXPIRED"].includes(node.status)) {
        return { ok: false, error: { kind: "unavailable", message: `Shopify's inventory read for ${shop} ended ${node.status} (${node.errorCode ?? "no code"}).` }, points };
      }
      await (this.options.sleep ?? sleep)(wait);
    }
    return { ok: false, error: { kind: "unavailable", message: `Shopify's inventory read for ${shop} did not finish in time.` }, points };
  }

  async reread(shop: string, rows: { inventoryItemId: string; locationId: string }[]): Promise<ShopifyResult<LevelRead[]>> {
    const ids = [...new Set(rows.map((r) => r.inventoryItemId))];
    const wanted = new Set(rows.map((r) => `${r.inventoryItemId}|${r.locationId}`));
    const found = new Map<string, number>();
    let points = 0;
    for (let i = 0; i < ids.length; i += REREAD_CHUNK) {
      const answer = await this.admin.request<unknown>(shop, REREAD_LEVELS, { ids: ids.slice(i, i + REREAD_CHUNK) });
      if (!answer.ok) return failure(answer.error, points);
      points += answer.value.actualCost;
      const parsed = rereadAnswer.safeParse(answer.value.data);
      if (!parsed.success) return { ok: false, error: { kind: "invalid-request", message: `Shopify's inventory levels for ${shop} did not have the expected shape.` }, points };
      for (const node of parsed.data.nodes) {
        for (const level of node?.inventoryLevels?.nodes ?? []) found.set(`${node?.id}|${level.location.id}`, available(level.quantities));
      }
    }
    // A row Shopify did not list is not stocked there: a reading of its own (null), not a failure.
    const levels = [...wanted].map((key) => {
      const [inventoryItemId = "", locationId = ""] = key.split("|");
      return { inventoryItemId, locationId, quantity: found.get(key) ?? null };
    });
    return { ok: true, value: levels, points };
  }

  async setQuantities(shop: string, batch: WriteBatch, reason: string): Promise<ShopifyResult<{ userErrors: { field: string[] | null; message: string; code: string | null }[] }>> {
    const input = {
      name: "available",
      reason,
      referenceDocumentUri: null,
      quantities: batch.rows.map((r) => ({ inventoryItemId: r.inventoryItemId, locationId: r.locationId, quantity: r.quantity, changeFromQuantity: r.changeFromQuantity })),
    };
    const answer = await this.admin.request<unknown>(shop, SET_QUANTITIES, { input, key: batch.idempotencyKey }, { maxWaitMs: WRITE_MAX_WAIT_MS });
    if (!answer.ok) return failure(answer.error, 0);
    const parsed = setAnswer.safeParse(answer.value.data);
    if (!parsed.success || !parsed.data.inventorySetQuantities) {
      return { ok: false, error: { kind: "invalid-request", message: `Shopify's answer to a stock write for ${shop} did not have the expected shape.` }, points: answer.value.actualCost };
    }
    return { ok: true, value: { userErrors: parsed.data.inventorySetQuantities.userErrors }, points: answer.value.actualCost };
  }

  /** The JSONL file: items first, each followed by its levels (`__parentId`). */
  private async download(url: string): Promise<{ variants: ShopifyVariant[]; levels: LevelRead[] }> {
    const response = await (this.options.fetch ?? fetch)(url);
    if (!response.ok) throw new Error(`bulk operation file answered HTTP ${response.status}`);
    const text = await response.text();
    const variants: ShopifyVariant[] = [];
    const levels: LevelRead[] = [];
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf("\n", start);
      const line = text.slice(start, end === -1 ? text.length : end);
      start = end === -1 ? text.length : end + 1;
      if (line) readLine(JSON.parse(line) as unknown, variants, levels);
    }
    return { variants, levels };
  }
}

function readLine(value: unknown, variants: ShopifyVariant[], levels: LevelRead[]) {
  if (typeof value === "object" && value !== null && "__parentId" in value) {
    const level = levelLine.parse(value);
    levels.push({ inventoryItemId: level.__parentId, locationId: level.location.id, quantity: available(level.quantities) });
    return;
  }
  const item = itemLine.parse(value);
  if (!item.variant) return;
  variants.push({ variantId: item.variant.id, inventoryItemId: item.id, sku: item.sku, title: item.variant.displayName, tracked: item.tracked });
}

const available = (q: z.infer<typeof quantities>) => q.find((x) => x.name === "available")?.quantity ?? 0;

function failure(error: AdminFailure, points: number): { ok: false; error: ShopifyFailure; points: number } {
  if (error.kind === "invalid-request") return { ok: false, error: { kind: "invalid-request", message: error.message }, points };
  return { ok: false, error, points };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
