// The warehouse's required fields. A missing phone or PO number is a data problem the merchant fixes in
// Shopify (DESIGN.md: exceptions, not holds), raised once per order and warehouse until it is there.
import type { OrderFacts } from "~/modules/orders/order-facts";
import type { RequiredFields } from "./mapping-settings.schema";
import { mappingProblem, type MappingProblem, type Where } from "./mapping-problem";

const present = (value: string | null | undefined) => !!value && value.trim().length > 0;

const CHECKS = [
  {
    field: "phone",
    kind: "missing-phone",
    has: (f: OrderFacts) => present(f.shippingAddress?.phone),
    fix: "phone number, and {w} requires one. Add a phone number to the shipping address in Shopify",
  },
  {
    field: "poNumber",
    kind: "missing-po",
    has: (f: OrderFacts) => present(f.poNumber),
    fix: "PO number, and {w} requires one. Add the PO number to the order in Shopify",
  },
  {
    field: "email",
    kind: "missing-email",
    has: (f: OrderFacts) => present(f.email),
    fix: "email address, and {w} requires one. Add the customer's email address to the order in Shopify",
  },
  {
    field: "company",
    kind: "missing-company",
    has: (f: OrderFacts) => present(f.shippingAddress?.company) || present(f.company?.name),
    fix: "company name, and {w} requires one. Add the company to the shipping address in Shopify",
  },
] as const;

export function requiredFieldProblems(facts: OrderFacts, required: RequiredFields, where: Where): MappingProblem[] {
  return CHECKS.filter((c) => required[c.field] && !c.has(facts)).map((c) =>
    mappingProblem(c.kind, { orderNumber: where.orderNumber, subject: where.connectionId }, `The order has no ${c.fix.replace("{w}", where.warehouse)}, then retry.`, {
      field: c.field,
      connectionId: where.connectionId,
    }),
  );
}
