// Loadbay's warehouse order draft → Mintsoft's `PUT /api/Order` body. Pure, so it is table-testable.
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { MintsoftConfig } from "./mintsoft-config";

/** Reference fields (the mapping's warehouse field names) that Mintsoft has a field of its own for. */
const NATIVE_FIELDS: Record<string, "DeliveryNotes" | "RequiredDeliveryDate" | "Comments"> = {
  deliverynotes: "DeliveryNotes",
  requireddeliverydate: "RequiredDeliveryDate",
  comments: "Comments",
};

function splitName(name: string): { FirstName: string; LastName: string | null } {
  const at = name.trim().lastIndexOf(" ");
  return at > 0 ? { FirstName: name.slice(0, at).trim(), LastName: name.slice(at + 1) } : { FirstName: name.trim(), LastName: null };
}

/** One line per SKU: Mintsoft despatches by SKU, so two Shopify lines of one SKU would be ambiguous. */
function orderItems(draft: WarehouseOrderDraft): { SKU: string; Quantity: number }[] {
  const bySku = new Map<string, number>();
  for (const line of draft.lines) bySku.set(line.warehouseSku, (bySku.get(line.warehouseSku) ?? 0) + line.quantity);
  return [...bySku].map(([SKU, Quantity]) => ({ SKU, Quantity }));
}

/** Mintsoft has no PO field (platform facts): references go to OrderNameValues, the PO also into Comments. */
function referenceFields(references: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, string> = {};
  const nameValues: { Name: string; Value: string }[] = [];
  for (const [name, value] of Object.entries(references)) {
    const native = NATIVE_FIELDS[name.toLowerCase()];
    if (native) fields[native] = value;
    else nameValues.push({ Name: name, Value: value });
  }
  const po = Object.entries(references).find(([name]) => name.toLowerCase() === "ponumber")?.[1];
  const comments = [po ? `PO: ${po}` : null, fields.Comments ?? null].filter((c): c is string => c !== null);
  return { ...fields, OrderNameValues: nameValues, ...(comments.length ? { Comments: comments.join("\n") } : {}) };
}

export function createOrderBody(draft: WarehouseOrderDraft, config: MintsoftConfig): Record<string, unknown> {
  const { shipTo } = draft;
  return {
    ...(config.clientId === undefined ? {} : { ClientId: config.clientId }),
    WarehouseId: config.warehouseId,
    // Both identifiers carry the idempotency key: Mintsoft checks each for uniqueness per client, so
    // the splits of one Shopify order (same order number) cannot collide, and `Order/Search` finds it.
    OrderNumber: draft.idempotencyKey,
    ExternalOrderReference: draft.idempotencyKey,
    CourierService: draft.serviceCode,
    ...splitName(shipTo.name),
    CompanyName: shipTo.company,
    Address1: shipTo.lines[0] ?? "",
    Address2: shipTo.lines[1] ?? null,
    Address3: shipTo.lines.slice(2).join(", ") || null,
    Town: shipTo.city,
    County: shipTo.region,
    PostCode: shipTo.postcode ?? "",
    Country: shipTo.countryCode,
    Phone: shipTo.phone,
    Email: shipTo.email,
    OrderItems: orderItems(draft),
    ...referenceFields(draft.references),
  };
}
