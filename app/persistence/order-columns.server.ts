// The order columns kept from the facts, for lists, search and the credit sum. The full facts stay
// in the JSON column (personal data in it is removed by customers/redact).
import type { Prisma } from "@prisma/client";
import type { OrderFacts } from "~/modules/orders/order-facts";

export function factColumns(facts: OrderFacts): Prisma.OrderUpdateManyMutationInput {
  return {
    name: facts.name,
    poNumber: facts.poNumber,
    companyName: facts.company?.name ?? null,
    customerGroup: facts.customerGroup,
    customerId: facts.customerId,
    currency: facts.totals.shop.currencyCode,
    totalAmount: facts.totals.shop.amount,
    paymentMode: facts.paymentMode,
    financialStatus: facts.financialStatus,
    sourceCreatedAt: facts.createdAt,
    evaluatedUpdatedAt: facts.updatedAt,
    facts: JSON.parse(JSON.stringify(facts)) as Prisma.InputJsonValue,
  };
}
