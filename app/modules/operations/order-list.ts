// The orders list (/app/orders): which orders a filter and a search pick, as the URL says them, so a
// link or a reload shows the same page. The reader behind it is in app/persistence.
import { z } from "zod";

/** The list's filters, in the order the page offers them. `drafts` and `exceptions` are not states. */
export const ORDER_LIST_FILTERS = {
  all: "All orders",
  held: "Held",
  released: "Released",
  in_fulfilment: "In fulfilment",
  partially_shipped: "Partially shipped",
  shipped: "Shipped",
  cancelled: "Cancelled",
  drafts: "Drafts awaiting completion",
  exceptions: "With open exceptions",
} as const;
export type OrderListFilter = keyof typeof ORDER_LIST_FILTERS;

export const ORDERS_PER_PAGE = 50;

const filterIds = Object.keys(ORDER_LIST_FILTERS) as [OrderListFilter, ...OrderListFilter[]];

/** `?state=held&q=acme&page=2`; anything unreadable falls back to the first page of all orders. */
export const orderListQuerySchema = z.object({
  state: z.enum(filterIds).catch("all"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export function parseOrderListQuery(params: URLSearchParams): OrderListQuery {
  return orderListQuerySchema.parse({ state: params.get("state") ?? undefined, q: params.get("q") ?? undefined, page: params.get("page") ?? undefined });
}

export interface OrderListRow {
  id: string;
  name: string;
  companyName: string | null;
  poNumber: string | null;
  state: string;
  openExceptions: number;
  /** One per warehouse order: facility code and its state. */
  warehouseOrders: { facilityCode: string; state: string }[];
  /** Shopify's creation time, or when Loadbay first saw the order. */
  createdAt: Date;
}

export interface OrderListPage {
  rows: OrderListRow[];
  hasNextPage: boolean;
  /** IANA time zone for showing dates. */
  timezone: string;
}

export interface OrderListReader {
  /** Newest first; the search matches order name, PO number and company name, partly and in any case. */
  list(shop: string, query: OrderListQuery, pageSize: number): Promise<OrderListPage>;
}

/** The sentence an empty page shows. */
export function emptyListSentence(query: OrderListQuery): string {
  const which = query.state === "all" ? "orders" : `orders in “${ORDER_LIST_FILTERS[query.state]}”`;
  if (query.q) return `No ${which} match “${query.q}”. Search looks in order names, PO numbers and company names.`;
  if (query.page > 1) return `There are no more ${which}; this page is past the last one.`;
  return query.state === "all" ? "Loadbay has not received any order yet." : `There are no ${which} at the moment.`;
}
