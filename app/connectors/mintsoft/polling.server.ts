// Dispatches and stock, both polled. Dispatch cursor: the ISO despatch date of the newest shipment seen.
// Stock cursor: when the last poll started, less an overlap, since levels are absolute and re-reading is harmless.
import type { ConnectorResult, DispatchAdviceIn, Page, StockLevelIn } from "../warehouse-connector";
import { dispatchAdvice } from "./dispatch-advice";
import { fail, succeed, unexpectedAnswer } from "./failures";
import type { MintsoftConfig } from "./mintsoft-config";
import type { MintsoftHttp } from "./mintsoft-http.server";
import { ordersSchema, productIdsSchema, stockLevelsSchema, type MintsoftOrder } from "./mintsoft-schemas";

const PAGE_SIZE = 100;
const MAX_PAGES = 10;
const DAY_MS = 86_400_000;
/** Clock skew allowance between Loadbay and Mintsoft for the stock cursor. */
const STOCK_OVERLAP_MS = 60_000;

type Despatched = MintsoftOrder & { DespatchDate: string };
const isDespatched = (o: MintsoftOrder): o is Despatched => typeof o.DespatchDate === "string";

async function despatchedPage(http: MintsoftHttp, config: MintsoftConfig, since: string, page: number): Promise<ConnectorResult<Despatched[]>> {
  const query = { SinceDespatchDate: since, WarehouseId: config.warehouseId, ClientId: config.clientId, IncludeOrderItems: true, PageNo: page, Limit: PAGE_SIZE };
  const answer = await http.send({ method: "GET", path: "/api/Order/List", query });
  if (!answer.ok) return answer;
  const orders = ordersSchema.safeParse(answer.value.body);
  if (answer.value.status !== 200 || !orders.success) return fail(unexpectedAnswer("the despatched order list", answer.value.status));
  return succeed(orders.data.filter(isDespatched));
}

/**
 * Mintsoft's SinceDespatchDate is taken as inclusive, so the shipment at the cursor can come back once
 * more; the shipment id (the Mintsoft order id of the part) is what makes that harmless downstream.
 */
export async function pollDispatches(http: MintsoftHttp, config: MintsoftConfig, cursor: string | null, now: Date): Promise<ConnectorResult<Page<DispatchAdviceIn>>> {
  const since = cursor ?? new Date(now.getTime() - config.firstPollLookbackDays * DAY_MS).toISOString();
  const items: DispatchAdviceIn[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const rows = await despatchedPage(http, config, since, page);
    if (!rows.ok) return rows;
    items.push(...rows.value.map(dispatchAdvice));
    if (rows.value.length < PAGE_SIZE) break;
  }
  const newest = items.reduce<Date | null>((max, i) => (!max || i.shippedAt > max ? i.shippedAt : max), null);
  return succeed({ items, nextCursor: newest ? newest.toISOString() : cursor });
}

async function stockRows(http: MintsoftHttp, config: MintsoftConfig) {
  const answer = await http.send({ method: "GET", path: "/api/Product/StockLevels", query: { WarehouseId: config.warehouseId } });
  if (!answer.ok) return answer;
  const rows = stockLevelsSchema.safeParse(answer.value.body);
  return answer.value.status === 200 && rows.success ? succeed(rows.data) : fail<never>(unexpectedAnswer("the stock levels", answer.value.status));
}

async function changedProductIds(http: MintsoftHttp, since: string): Promise<ConnectorResult<Set<number>>> {
  const answer = await http.send({ method: "GET", path: "/api/Product/StockLevels/UpdatedSince", query: { FromDate: since } });
  if (!answer.ok) return answer;
  const ids = productIdsSchema.safeParse(answer.value.body);
  return answer.value.status === 200 && ids.success ? succeed(new Set(ids.data)) : fail(unexpectedAnswer("the changed stock list", answer.value.status));
}

/** Null cursor: the whole warehouse. Otherwise the products Mintsoft says changed since the cursor. */
export async function pollStock(http: MintsoftHttp, config: MintsoftConfig, cursor: string | null, now: Date): Promise<ConnectorResult<Page<StockLevelIn>>> {
  const nextCursor = new Date(now.getTime() - STOCK_OVERLAP_MS).toISOString();
  const changed = cursor === null ? null : await changedProductIds(http, cursor);
  if (changed && !changed.ok) return changed;
  if (changed?.value.size === 0) return succeed({ items: [], nextCursor });
  const rows = await stockRows(http, config);
  if (!rows.ok) return rows;
  const facilityCode = config.facilityCode ?? String(config.warehouseId);
  const items = rows.value
    .filter((r) => !changed || changed.value.has(r.ProductId))
    // Assumed: the API's Level (Mintsoft's "OnHand") is the free quantity Loadbay can promise.
    .map((r) => ({ facilityCode, warehouseSku: r.SKU, freeQuantity: r.Level, asOf: now }));
  return succeed({ items, nextCursor });
}
