// Zod schemas for what Mintsoft answers. Only the fields Loadbay reads are required; the rest pass
// through untouched so a new Mintsoft field never breaks parsing.
import { z } from "zod";

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

export const apiKeySchema = z.string().min(1);

/** Mintsoft's error body (ASP.NET style). */
export const messageSchema = z.looseObject({ Message: z.string() });

export const newOrderResultSchema = z.array(
  z.looseObject({
    OrderId: z.number().int().nullish(),
    Success: z.boolean(),
    Message: z.string().nullish(),
  }),
);

export const toolkitResultSchema = z.looseObject({ ID: z.number().int().nullish(), Success: z.boolean(), Message: z.string().nullish() });

export const orderSchema = z.looseObject({
  ID: z.number().int(),
  OrderNumber: z.string().nullish(),
  ExternalOrderReference: z.string().nullish(),
  OrderStatusId: z.number().int().nullish(),
  DespatchDate: isoDate.nullish(),
  Part: z.number().int().nullish(),
  NumberOfParts: z.number().int().nullish(),
  CourierServiceName: z.string().nullish(),
  TrackingNumber: z.string().nullish(),
  TrackingURL: z.string().nullish(),
  OrderItems: z.array(z.looseObject({ SKU: z.string(), Quantity: z.number().int() })).nullish(),
});
export type MintsoftOrder = z.infer<typeof orderSchema>;
export const ordersSchema = z.array(orderSchema);

export const stockLevelsSchema = z.array(
  z.looseObject({ ProductId: z.number().int(), WarehouseId: z.number().int().nullish(), SKU: z.string(), Level: z.number() }),
);

/** `StockLevels/UpdatedSince` answers with the ids of products whose stock changed. */
export const productIdsSchema = z.array(z.number().int());

export const warehousesSchema = z.array(z.looseObject({ ID: z.number().int(), Name: z.string().nullish() }));
