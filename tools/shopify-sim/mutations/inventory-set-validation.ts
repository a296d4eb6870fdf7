import type { z } from "zod";
import type { ShopState } from "../state/shop-state";
import type { inventorySetArgs } from "./inventory-set-quantities";
import { userError, type UserError } from "./user-error";

type Input = z.infer<typeof inventorySetArgs>["input"];

/** Reasons Shopify accepts for quantity changes. */
const REASONS = new Set([
  "correction", "cycle_count_available", "damaged", "movement_created", "movement_updated", "movement_received",
  "movement_canceled", "other", "promotion", "quality_control", "received", "reservation_created",
  "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
]);

const MAX_QUANTITY = 1_000_000_000;

export function inventorySetErrors(shop: ShopState, input: Input, rawArgs: unknown): UserError[] {
  const errors: UserError[] = [];
  if (input.name !== "available" && input.name !== "on_hand") {
    errors.push(userError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
  }
  if (!REASONS.has(input.reason)) errors.push(userError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
  const rawRows = rawQuantities(rawArgs);
  const seen = new Set<string>();
  input.quantities.forEach((q, i) => {
    const field = ["input", "quantities", String(i)];
    const key = shop.levelKey(q.inventoryItemId, q.locationId);
    if (seen.has(key)) {
      errors.push(userError([...field, "locationId"], "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
    }
    seen.add(key);
    errors.push(...rowErrors(shop, { ...q, name: input.name, sentChangeFrom: Object.hasOwn(rawRows[i] ?? {}, "changeFromQuantity") }, field));
  });
  return errors;
}

interface RowCheck {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  changeFromQuantity?: number | null;
  name: string;
  sentChangeFrom: boolean;
}

function rowErrors(shop: ShopState, row: RowCheck, field: string[]): UserError[] {
  if (!row.sentChangeFrom) {
    // Since 2026-04 the field is mandatory on every row, even as an explicit null.
    return [userError([...field, "changeFromQuantity"], "The changeFromQuantity field is required: pass the expected current quantity, or null to skip the check.", null)];
  }
  if (!shop.inventoryItems.has(row.inventoryItemId)) {
    return [userError([...field, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM")];
  }
  if (!shop.locations.has(row.locationId)) {
    return [userError([...field, "locationId"], "The specified location could not be found.", "INVALID_LOCATION")];
  }
  const level = shop.inventoryLevels.get(shop.levelKey(row.inventoryItemId, row.locationId));
  if (!level) return [userError([...field, "locationId"], "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION")];
  if (row.quantity < 0 && row.name === "on_hand") return [userError([...field, "quantity"], "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE")];
  if (row.quantity > MAX_QUANTITY) return [userError([...field, "quantity"], "The total quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH")];
  const current = level.quantities[row.name] ?? 0;
  if (row.changeFromQuantity != null && row.changeFromQuantity !== current) {
    return [userError([...field, "changeFromQuantity"], "The changeFromQuantity value does not match persisted value.", "CHANGE_FROM_QUANTITY_STALE")];
  }
  return [];
}

/** The coerced arguments keep an omitted input field out of the object, so presence can be told from null. */
function rawQuantities(rawArgs: unknown): Record<string, unknown>[] {
  const input = (rawArgs as { input?: { quantities?: unknown } }).input;
  return Array.isArray(input?.quantities) ? (input.quantities as Record<string, unknown>[]) : [];
}
