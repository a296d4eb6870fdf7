// Branded identifiers, so a shop domain cannot be passed where an order id is expected.
import { z } from "zod";

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ShopDomain = Brand<string, "ShopDomain">;
export type OrderId = Brand<string, "OrderId">;
export type ShopifyGid = Brand<string, "ShopifyGid">;
export type Sku = Brand<string, "Sku">;
export type FacilityCode = Brand<string, "FacilityCode">;

export const shopDomainSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain")
  .transform((s) => s as ShopDomain);

export const shopifyGidSchema = z
  .string()
  .regex(/^gid:\/\/shopify\/[A-Za-z]+\/\d+$/, "must be a Shopify GID")
  .transform((s) => s as ShopifyGid);

export const uuidSchema = z.uuid();

/** A row id as PostgreSQL's `uuid` takes it; anything else cannot name a row (and must not reach a `::uuid` cast). */
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
