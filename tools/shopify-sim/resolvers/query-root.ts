import { legacyId } from "../lib/gid";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import { matchesSearch, parseSearch } from "../graphql/search-query";
import type { ShopState } from "../state/shop-state";
import { isActive } from "../state/fulfillment-order-rules";
import { bulkOperationView } from "../views/bulk-operation-view";
import { idSort } from "../views/common";
import { customerView } from "../views/customer-view";
import { draftOrderView } from "../views/draft-order-view";
import { fulfillmentOrderView } from "../views/fulfillment-order-view";
import { inventoryItemView, variantView } from "../views/catalog-view";
import { locationView } from "../views/inventory-view";
import { nodeById } from "../views/node-view";
import { orderView } from "../views/order-view";
import { shopView } from "../views/shop-view";
import { orderSearchFields, orderSortKey } from "./order-search";

type SearchArgs = PageArgs & { query?: string | null; sortKey?: string | null };

/** Root `Query` fields the simulator answers. Others resolve to null (or a clear error when non-null). */
export function queryRoot(shop: ShopState): Record<string, unknown> {
  const byType = (type: string) => (args: { id: string }) => {
    const node = nodeById(shop, args.id);
    return node?.__typename === type ? node : null;
  };
  return {
    shop: () => shopView(shop),
    node: (args: { id: string }) => nodeById(shop, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => nodeById(shop, id)),
    order: byType("Order"),
    draftOrder: byType("DraftOrder"),
    fulfillmentOrder: byType("FulfillmentOrder"),
    fulfillment: byType("Fulfillment"),
    customer: byType("Customer"),
    productVariant: byType("ProductVariant"),
    product: byType("Product"),
    inventoryItem: byType("InventoryItem"),
    inventoryLevel: byType("InventoryLevel"),
    bulkOperation: byType("BulkOperation"),
    location: (args: { id?: string | null }) => {
      const location = args.id ? shop.locations.get(args.id) : shop.primaryLocation();
      return location ? locationView(shop, location) : null;
    },
    orders: (args: SearchArgs, ctx: RequestContext) => {
      const terms = parseSearch(args.query);
      const fields = orderSearchFields(shop);
      const sortKey = orderSortKey(args.sortKey);
      const matching = [...shop.orders.values()].filter((o) => matchesSearch(o, terms, fields));
      const page = connection(ctx, matching, args, sortKey);
      return mapConnection(page, (o) => orderView(shop, o));
    },
    draftOrders: (args: SearchArgs, ctx: RequestContext) => {
      const terms = parseSearch(args.query);
      const drafts = [...shop.draftOrders.values()].filter((d) =>
        matchesSearch(d, terms, { status: (x) => x.status.toLowerCase(), updated_at: (x) => x.updatedAt, tag: (x) => x.tags }),
      );
      return connection(ctx, drafts.map((d) => draftOrderView(shop, d)), args, idSort);
    },
    fulfillmentOrders: (args: SearchArgs & { includeClosed?: boolean | null }, ctx: RequestContext) => {
      const fos = [...shop.fulfillmentOrders.values()].filter((f) => args.includeClosed || isActive(f.status));
      return connection(ctx, fos.map((f) => fulfillmentOrderView(shop, f)), args, idSort);
    },
    customers: (args: SearchArgs, ctx: RequestContext) => {
      const terms = parseSearch(args.query);
      const found = [...shop.customers.values()].filter((c) =>
        matchesSearch(c, terms, { tag: (x) => x.tags, email: (x) => x.email, updated_at: (x) => x.updatedAt }),
      );
      return connection(ctx, found.map((c) => customerView(shop, c)), args, idSort);
    },
    locations: (args: SearchArgs & { includeInactive?: boolean | null }, ctx: RequestContext) => {
      const found = [...shop.locations.values()].filter((l) => args.includeInactive || l.isActive);
      return connection(ctx, found.map((l) => locationView(shop, l)), args, idSort);
    },
    inventoryItems: (args: SearchArgs, ctx: RequestContext) => {
      const terms = parseSearch(args.query);
      const found = [...shop.inventoryItems.values()].filter((i) =>
        matchesSearch(i, terms, { sku: (x) => x.sku, id: (x) => legacyId(x.id), updated_at: (x) => x.updatedAt }),
      );
      return connection(ctx, found.map((i) => inventoryItemView(shop, i)), args, idSort);
    },
    productVariants: (args: SearchArgs, ctx: RequestContext) => {
      const terms = parseSearch(args.query);
      const found = [...shop.variants.values()].filter((v) =>
        matchesSearch(v, terms, { sku: (x) => x.sku, product_id: (x) => legacyId(x.productId), updated_at: (x) => x.updatedAt }),
      );
      return connection(ctx, found.map((v) => variantView(shop, v)), args, idSort);
    },
    currentBulkOperation: () => {
      const latest = [...shop.bulkOperations.values()].pop();
      return latest ? bulkOperationView(latest) : null;
    },
  };
}

/** Pages over records first (so cursors use record sort keys), then turns nodes into views. */
function mapConnection<T, V>(page: ReturnType<typeof connection<T>>, view: (t: T) => V) {
  const edges = page.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
}
