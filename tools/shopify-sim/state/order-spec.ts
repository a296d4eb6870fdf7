import { z } from "zod";

const address = z.object({
  firstName: z.string().nullable().default(null),
  lastName: z.string().nullable().default(null),
  company: z.string().nullable().default(null),
  address1: z.string().nullable().default(null),
  address2: z.string().nullable().default(null),
  city: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
  provinceCode: z.string().nullable().default(null),
  zip: z.string().nullable().default(null),
  country: z.string().nullable().default(null),
  countryCode: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
});

const partialAddress = z.object(
  Object.fromEntries(Object.keys(address.shape).map((key) => [key, z.string().nullable().optional()])) as {
    [K in keyof typeof address.shape]: z.ZodOptional<z.ZodNullable<z.ZodString>>;
  },
);

/** What a test or scenario says about an order it wants; everything else gets a sensible default. */
export const orderSpec = z.object({
  lines: z
    .array(
      z.object({
        sku: z.string(),
        quantity: z.number().int().positive(),
        /** Unit price as a decimal; defaults to the variant's price. */
        price: z.number().optional(),
        /** Title for a custom line (a SKU the catalogue does not know). */
        title: z.string().optional(),
        attributes: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1),
  customerId: z.string().nullable().optional(),
  companyId: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  poNumber: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  tags: z.array(z.string()).optional(),
  financialStatus: z.enum(["AUTHORIZED", "PAID", "PARTIALLY_PAID", "PENDING"]).optional(),
  paymentTerms: z.object({ type: z.enum(["NET", "FIXED", "FULFILLMENT", "RECEIPT"]), dueInDays: z.number().int().nullable().optional(), name: z.string().optional() }).nullable().optional(),
  // Without defaults: a partial address overrides only the fields it names (noPhone keeps the street).
  shippingAddress: partialAddress.nullable().optional(),
  billingAddress: partialAddress.nullable().optional(),
  shipping: z.array(z.object({ title: z.string(), code: z.string().nullable().optional(), price: z.number().optional() })).optional(),
  presentmentCurrency: z.string().optional(),
  /** presentment → shop currency rate; defaults from a small fixed table. */
  rate: z.number().optional(),
  sourceName: z.string().optional(),
  /** Location the fulfillment order is assigned to; defaults to the primary location. */
  locationId: z.string().optional(),
});

export type OrderSpec = z.input<typeof orderSpec>;
export type ParsedOrderSpec = z.output<typeof orderSpec>;
export const addressSchema = address;
