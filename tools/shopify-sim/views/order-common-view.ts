import { moneyBag, toDecimal } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { OrderCommon } from "../state/types";
import { lineTotalCents, shippingCents, totalCents } from "../state/order-status";
import { mailingAddressView } from "./address-view";
import { customerView } from "./customer-view";
import { purchasingCompanyView } from "./company-view";
import { legacy, metafieldFields } from "./common";

/** Fields orders and draft orders share: B2B fields, money, addresses, buyer. */
export function orderCommonFields(shop: ShopState, record: OrderCommon, ownerType: string): Record<string, unknown> {
  const bag = (cents: number) => moneyBag(cents, record.currency);
  return {
    id: record.id,
    legacyResourceId: legacy(record.id),
    name: record.name,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    email: record.email,
    phone: record.phone,
    poNumber: record.poNumber,
    customAttributes: record.customAttributes,
    tags: record.tags,
    currencyCode: record.currency.shop,
    presentmentCurrencyCode: record.currency.presentment,
    paymentTerms: () => paymentTermsView(record),
    purchasingEntity: () => purchasingEntityView(shop, record),
    customer: () => customerOf(shop, record),
    shippingAddress: () => mailingAddressView(record.shippingAddress, `${record.id}/shipping`),
    billingAddress: () => mailingAddressView(record.billingAddress, `${record.id}/billing`),
    billingAddressMatchesShippingAddress: JSON.stringify(record.billingAddress) === JSON.stringify(record.shippingAddress),
    shippingLine: () => shippingLineViews(record)[0] ?? null,
    shippingLines: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, shippingLineViews(record), args, (v) => [0, Number(String(v.id).split("/").pop())]),
    subtotalPriceSet: () => bag(lineTotalCents(record.lineItems, true)),
    totalPriceSet: () => bag(totalCents(record, false)),
    totalShippingPriceSet: () => bag(shippingCents(record)),
    totalTaxSet: () => bag(0),
    totalDiscountsSet: () => bag(0),
    taxesIncluded: false,
    taxExempt: false,
    ...metafieldFields(() => record.metafields, ownerType),
  };
}

function customerOf(shop: ShopState, record: OrderCommon): unknown {
  const customer = record.customerId ? shop.customers.get(record.customerId) : undefined;
  return customer ? customerView(shop, customer) : null;
}

function paymentTermsView(record: OrderCommon): unknown {
  const terms = record.paymentTerms;
  if (!terms) return null;
  return {
    __typename: "PaymentTerms",
    id: terms.id,
    paymentTermsType: terms.type,
    paymentTermsName: terms.name,
    translatedName: terms.name,
    dueInDays: terms.dueInDays,
    due: false,
    overdue: false,
  };
}

function purchasingEntityView(shop: ShopState, record: OrderCommon): unknown {
  const company = record.companyId ? shop.companies.get(record.companyId) : undefined;
  if (company) return purchasingCompanyView(shop, company);
  return customerOf(shop, record);
}

function shippingLineViews(record: OrderCommon): Record<string, unknown>[] {
  return record.shippingLines.map((s) => {
    const price = moneyBag(s.priceCents, record.currency);
    return {
      __typename: "ShippingLine",
      id: s.id,
      title: s.title,
      code: s.code,
      source: s.source,
      carrierIdentifier: null,
      custom: s.source === "shopify" ? false : true,
      isRemoved: false,
      price: toDecimal(s.priceCents),
      originalPriceSet: price,
      discountedPriceSet: price,
      currentDiscountedPriceSet: price,
      originalPrice: price.presentmentMoney,
      discountedPrice: price.presentmentMoney,
      taxLines: [],
      discountAllocations: [],
      phone: null,
      deliveryCategory: null,
    };
  });
}
