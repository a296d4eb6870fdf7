import type { ShopState } from "../state/shop-state";
import type { CustomerRecord } from "../state/types";
import { mailingAddressView } from "./address-view";
import { legacy, metafieldFields } from "./common";

export function customerView(shop: ShopState, record: CustomerRecord): Record<string, unknown> {
  const address = () => mailingAddressView(record.defaultAddress, `${record.id}/address`);
  return {
    __typename: "Customer",
    id: record.id,
    legacyResourceId: legacy(record.id),
    firstName: record.firstName,
    lastName: record.lastName,
    displayName: [record.firstName, record.lastName].filter(Boolean).join(" ") || record.email || "",
    email: record.email,
    phone: record.phone,
    tags: record.tags,
    note: null,
    state: "ENABLED",
    verifiedEmail: true,
    validEmailAddress: record.email !== null,
    taxExempt: false,
    taxExemptions: [],
    locale: "en",
    // Only when asked for: a scan of every order of the shop.
    numberOfOrders: () => String([...shop.orders.values()].filter((o) => o.customerId === record.id).length),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    defaultAddress: address,
    addresses: () => (record.defaultAddress ? [address()] : []),
    ...metafieldFields(() => record.metafields, "CUSTOMER"),
  };
}
