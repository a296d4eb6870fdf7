// Which protected customer data Shopify redacted. Without level-2 approval Shopify answers null for the
// fields its schema marks protected (address1, address2, zip, name, phone, email, customer names) and ""
// for non-null ones (Customer.displayName). City, province and country are NOT protected, so they
// survive redaction: a rule that waits for an empty city would never fire.
//
// A single null cannot tell "redacted" from "never given" (a buyer without a phone is normal), so the
// rule first looks for evidence that this shop's answers are redacted, deterministically:
//   - the shipping address has neither address1 nor zip (a deliverable address always has a street line);
//   - or the order's customer has an empty displayName (Shopify falls back name → email → phone);
//   - or the caller already knows (`hints.limitedAccess`).
// With evidence, every protected field the warehouse needs that is empty is listed. Without it, only a
// missing address on an order with shipping lines is listed (it cannot ship, whatever the cause).
import type { OrderNode } from "./order-response.schema";

export interface ProtectedDataHints {
  /** The shop is known to lack protected customer data access, so every empty protected field is redacted. */
  limitedAccess?: boolean;
}

const ADDRESS_FIELDS = ["name", "address1", "zip", "phone"] as const;

const blank = (value: string | null | undefined) => !value?.trim();

export function redactedFields(order: OrderNode, hints: ProtectedDataHints = {}): string[] {
  const address = order.shippingAddress;
  const fields: string[] = [];
  if (!address && order.shippingLines.nodes.length > 0) fields.push("shippingAddress");
  if (!hints.limitedAccess && !looksRedacted(order)) return fields;
  if (address) fields.push(...ADDRESS_FIELDS.filter((f) => blank(address[f])).map((f) => `shippingAddress.${f}`));
  if (blank(order.email)) fields.push("email");
  if (order.customer && blank(order.customer.displayName)) fields.push("customer.name");
  return fields;
}

function looksRedacted(order: OrderNode): boolean {
  const address = order.shippingAddress;
  const addressHidden = address !== null && blank(address.address1) && blank(address.zip);
  const customerHidden = order.customer !== null && blank(order.customer.displayName);
  return addressHidden || customerHidden;
}
