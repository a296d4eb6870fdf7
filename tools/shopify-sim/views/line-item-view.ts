import { moneyBag, toDecimal } from "../lib/money";
import type { ShopState } from "../state/shop-state";
import type { LineItemRecord, OrderRecord } from "../state/types";
import { fulfilledQuantities } from "../state/order-status";
import { productView, variantView } from "./catalog-view";

export function lineItemView(shop: ShopState, order: OrderRecord, line: LineItemRecord): Record<string, unknown> {
  const unit = moneyBag(line.priceCents, order.currency);
  const fulfilled = () => fulfilledQuantities(shop, order).get(line.id) ?? 0;
  const unfulfilled = () => Math.max(0, line.currentQuantity - fulfilled());
  const variant = line.variantId ? shop.variants.get(line.variantId) : undefined;
  return {
    __typename: "LineItem",
    id: line.id,
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    sku: line.sku,
    vendor: line.vendor,
    variantTitle: line.variantTitle,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity,
    fulfillableQuantity: unfulfilled,
    unfulfilledQuantity: unfulfilled,
    refundableQuantity: line.currentQuantity,
    nonFulfillableQuantity: () => line.quantity - unfulfilled(),
    fulfillmentStatus: () => (unfulfilled() === 0 ? "fulfilled" : fulfilled() > 0 ? "partial" : "unfulfilled"),
    requiresShipping: line.requiresShipping,
    isGiftCard: false,
    taxable: true,
    merchantEditable: true,
    restockable: true,
    canRestock: true,
    customAttributes: line.customAttributes,
    variant: () => (variant ? variantView(shop, variant) : null),
    product: () => (variant ? productView(shop, variant.productId) : null),
    originalUnitPrice: toDecimal(line.priceCents),
    originalUnitPriceSet: unit,
    discountedUnitPriceSet: unit,
    discountedUnitPriceAfterAllDiscountsSet: unit,
    originalTotalSet: moneyBag(line.priceCents * line.quantity, order.currency),
    discountedTotalSet: moneyBag(line.priceCents * line.currentQuantity, order.currency),
    totalDiscountSet: moneyBag(0, order.currency),
    taxLines: [],
    discountAllocations: [],
    duties: [],
  };
}
