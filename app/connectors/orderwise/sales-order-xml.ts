// The sales-order XML OrderWise pulls from Loadbay (GET /inbound/<connection>/orders). OrderWise has no
// public documentation: the layout below is Loadbay's assumption (docs/connectors/orderwise.md), agreed
// with the warehouse at onboarding. The order reference is the idempotency key, so OrderWise's own
// duplicate check on it matches Loadbay's invariant 2. Totals are the draft's, exactly as Shopify gave
// them: carried, never recomputed.
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { OrderWiseConfig } from "./orderwise-config";
import { writeXml } from "./orderwise-xml";

const blank = (value: string | null | undefined) => (value ? value : undefined);

/** The reference named `name`, compared without case (mapping settings name fields freely). */
function referenceNamed(references: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(references).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function salesOrder(draft: WarehouseOrderDraft, config: Pick<OrderWiseConfig, "poReference">) {
  const { shipTo } = draft;
  return {
    orderReference: draft.idempotencyKey,
    customerOrderNumber: blank(referenceNamed(draft.references, config.poReference)),
    warehouseCode: draft.facilityCode,
    customer: { name: shipTo.name, company: blank(shipTo.company ?? referenceNamed(draft.references, "companyName")) },
    deliveryAddress: {
      name: shipTo.name,
      company: blank(shipTo.company),
      ...Object.fromEntries(shipTo.lines.map((line, i) => [`address${i + 1}`, line])),
      town: shipTo.city,
      county: blank(shipTo.region),
      postcode: blank(shipTo.postcode),
      countryCode: shipTo.countryCode,
      phone: blank(shipTo.phone),
      email: blank(shipTo.email),
    },
    deliveryMethod: draft.serviceCode,
    references: { reference: Object.entries(draft.references).map(([name, value]) => ({ "@name": name, "#text": value })) },
    lines: { line: draft.lines.map((line, i) => ({ lineNumber: String(i + 1), productCode: line.warehouseSku, quantity: String(line.quantity) })) },
    totals: { grossTotal: { "@currency": draft.totals.currencyCode, "#text": draft.totals.amount } },
  };
}

/** One document for a batch (possibly empty: "nothing waiting" is an empty list, not an error). */
export function salesOrdersXml(drafts: WarehouseOrderDraft[], config: Pick<OrderWiseConfig, "poReference">): string {
  return writeXml({ salesOrders: { "@count": String(drafts.length), salesOrder: drafts.map((d) => salesOrder(d, config)) } });
}
