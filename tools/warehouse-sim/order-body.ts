// Validation of `PUT /api/Order` bodies, answering as Mintsoft does: one 400 whose Message lists what is
// wrong. The messages are the simulator's wording in Mintsoft's style (README.md, "Assumptions").
import { z } from "zod";
import { countryId } from "./countries";

const text = z.string().nullish();
const item = z.object({ SKU: z.string().nullish(), ProductId: z.number().nullish(), Quantity: z.number().nullish(), Details: text });

export const createBodySchema = z.object({
  ClientId: z.number().int().nullish(),
  OrderNumber: text,
  ExternalOrderReference: text,
  WarehouseId: z.number().int().nullish(),
  CourierService: text,
  FirstName: text, LastName: text, CompanyName: text,
  Address1: text, Address2: text, Address3: text, Town: text, County: text, PostCode: text, Country: text,
  Phone: text, Email: text, Comments: text, DeliveryNotes: text,
  RequiredDeliveryDate: text,
  OrderItems: z.array(item).nullish(),
  OrderNameValues: z.array(z.object({ Name: z.string(), Value: z.string() })).nullish(),
});
export type CreateBody = z.infer<typeof createBodySchema>;

export interface CatalogueView {
  warehouses: ReadonlySet<number>;
  clients: ReadonlySet<number>;
  /** Null when the simulator accepts any SKU. */
  products: ReadonlySet<string> | null;
}

const blank = (v: string | null | undefined) => !v || !v.trim();

function fieldProblems(body: CreateBody, view: CatalogueView): string[] {
  const problems: string[] = [];
  if (body.WarehouseId == null) problems.push("WarehouseId is required");
  else if (!view.warehouses.has(body.WarehouseId)) problems.push(`Warehouse not found: ${body.WarehouseId}`);
  if (body.ClientId != null && !view.clients.has(body.ClientId)) problems.push(`Client not found: ${body.ClientId}`);
  if (blank(body.OrderNumber)) problems.push("OrderNumber is required");
  if (blank(body.CourierService)) problems.push("CourierService is required (or AUTO)");
  if (blank(body.Country)) problems.push("Country is required");
  else if (countryId(body.Country ?? "") === null) problems.push(`Country not found: ${body.Country}`);
  for (const field of ["FirstName", "Address1", "Town", "PostCode"] as const) if (blank(body[field])) problems.push(`${field} is required`);
  if (body.RequiredDeliveryDate && Number.isNaN(Date.parse(body.RequiredDeliveryDate))) problems.push("RequiredDeliveryDate is not a valid date");
  return problems;
}

function itemProblems(body: CreateBody, view: CatalogueView): string[] {
  const items = body.OrderItems ?? [];
  if (items.length === 0) return ["OrderItems are required"];
  const problems: string[] = [];
  for (const line of items) {
    if (blank(line.SKU)) problems.push("OrderItem SKU is required");
    else if (view.products && !view.products.has(line.SKU ?? "")) problems.push(`Product not found with SKU: ${line.SKU}`);
    if (!line.Quantity || !Number.isInteger(line.Quantity) || line.Quantity <= 0) problems.push(`Invalid Quantity for SKU: ${line.SKU ?? "?"}`);
  }
  return problems;
}

/** Every problem with the body, in Mintsoft's words; empty when the order can be created. */
export function validateCreateBody(body: CreateBody, view: CatalogueView): string[] {
  return [...fieldProblems(body, view), ...itemProblems(body, view)];
}
