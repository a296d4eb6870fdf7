import { toDecimal } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { InventoryItemRecord, VariantRecord } from "../state/types";
import { idSort, legacy, metafieldFields } from "./common";
import { inventoryLevelView, levelsOfItem } from "./inventory-view";

export function variantView(shop: ShopState, record: VariantRecord): Record<string, unknown> {
  const item = shop.inventoryItems.get(record.inventoryItemId);
  return {
    __typename: "ProductVariant",
    id: record.id,
    legacyResourceId: legacy(record.id),
    title: record.title,
    displayName: `${record.productTitle} - ${record.title}`,
    sku: record.sku,
    price: toDecimal(record.priceCents),
    barcode: null,
    position: 1,
    taxable: true,
    availableForSale: true,
    inventoryPolicy: "DENY",
    inventoryQuantity: () => levelsOfItem(shop, record.inventoryItemId).reduce((a, l) => a + (l.quantities.available ?? 0), 0),
    selectedOptions: [{ name: "Title", value: record.title }],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    product: () => productView(shop, record.productId),
    inventoryItem: () => (item ? inventoryItemView(shop, item) : null),
    ...metafieldFields(() => record.metafields, "PRODUCTVARIANT"),
  };
}

export function productView(shop: ShopState, productId: string): Record<string, unknown> | null {
  const variants = [...shop.variants.values()].filter((v) => v.productId === productId);
  const first = variants[0];
  if (!first) return null;
  return {
    __typename: "Product",
    id: productId,
    legacyResourceId: legacy(productId),
    title: first.productTitle,
    handle: first.productTitle.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    status: "ACTIVE",
    vendor: "Loadbay Demo",
    tags: [],
    createdAt: first.createdAt,
    updatedAt: first.updatedAt,
    variants: (args: PageArgs, ctx: RequestContext) => connection(ctx, variants.map((v) => variantView(shop, v)), args, idSort),
  };
}

export function inventoryItemView(shop: ShopState, record: InventoryItemRecord): Record<string, unknown> {
  return {
    __typename: "InventoryItem",
    id: record.id,
    legacyResourceId: legacy(record.id),
    sku: record.sku,
    tracked: record.tracked,
    requiresShipping: true,
    // Counted only when asked for: a scan per item would make a 100,000-item bulk query quadratic.
    duplicateSkuCount: () => Math.max(0, [...shop.inventoryItems.values()].filter((i) => i.sku !== null && i.sku === record.sku).length - 1),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    variant: () => {
      const variant = shop.variants.get(record.variantId);
      return variant ? variantView(shop, variant) : null;
    },
    inventoryLevel: (args: { locationId: string }) => {
      const level = shop.inventoryLevels.get(shop.levelKey(record.id, args.locationId));
      return level ? inventoryLevelView(shop, level) : null;
    },
    inventoryLevels: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, levelsOfItem(shop, record.id).map((l) => inventoryLevelView(shop, l)), args, idSort),
  };
}
