// The admin form of an OrderWise connection. OrderWise pulls from Loadbay, so there is nothing of
// OrderWise's to enter: the credentials OrderWise uses are made on "Pushes from the warehouse" (basic
// auth). Pure, so it is table-tested.
import type { ProviderField } from "~/modules/connections/connections.ports";
import { orderWiseConfigSchema } from "./orderwise-config";

export const ORDERWISE_FIELDS: ProviderField[] = [
  { name: "facilityCode", label: "Facility code", type: "text", required: true, helpText: "OrderWise's code for the warehouse (sent as warehouseCode); stock without a code belongs to it." },
  { name: "pullBatchSize", label: "Orders per pull", type: "number", required: false, helpText: "At most this many waiting orders per pull, oldest first (1–500, default 50)." },
  { name: "poReference", label: "Reference sent as the customer order number", type: "text", required: false, helpText: "The mapping's reference field carrying the PO; poNumber when empty." },
  {
    name: "courierNotes", label: "Courier mapping notes", type: "text", multiline: true, required: false,
    helpText: "For your team: which service codes (deliveryMethod) OrderWise maps to which courier. Not sent to OrderWise.",
  },
];

type Parsed = { ok: true; config: Record<string, unknown>; secrets: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function parseOrderWiseForm(form: Record<string, string>): Parsed {
  const size = blank(form.pullBatchSize);
  const parsed = orderWiseConfigSchema.safeParse({
    facilityCode: form.facilityCode ?? "", pullBatchSize: size === undefined ? undefined : Number(size),
    poReference: blank(form.poReference), courierNotes: blank(form.courierNotes),
  });
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
  return { ok: true, config: { ...parsed.data }, secrets: {} };
}
