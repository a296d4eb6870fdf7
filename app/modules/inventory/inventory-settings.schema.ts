// The inventory settings (shop.settings.inventory), validated by the same schema the settings form uses:
// how often the full reconciliation runs, the safety buffers (global and per base SKU, decision 0021) and
// the allowance for the warehouse's clock.
import { z } from "zod";
import { lookupKey } from "~/modules/mapping/patterns";
import type { Buffer, Buffers } from "./safety-buffer";

export const bufferSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("units"), value: z.coerce.number().int().min(0).max(1_000_000_000) }),
  z.object({ kind: z.literal("percent"), value: z.coerce.number().min(0).max(100).multipleOf(0.01) }),
]);

export const skuBufferSchema = z.object({ sku: z.string().trim().min(1).max(255), buffer: bufferSchema });

export const inventorySettingsSchema = z.object({
  /** Minutes between full reconciliations; 0 turns the schedule off (deltas still flow). */
  fullSyncEveryMinutes: z.coerce.number().int().min(0).max(24 * 60).default(15),
  globalBuffer: bufferSchema.nullable().default(null),
  skuBuffers: z.array(skuBufferSchema).max(100_000).default([]),
  /** Two clocks: a line the warehouse took this close to its figure's time is still deducted. */
  clockSkewSeconds: z.coerce.number().int().min(0).max(3_600).default(60),
});
export type InventorySettings = z.infer<typeof inventorySettingsSchema>;

export function parseInventorySettings(stored: unknown): InventorySettings {
  const parsed = inventorySettingsSchema.safeParse(stored ?? {});
  // A stored document that no longer parses (an older shape) falls back to the defaults rather than stopping stock.
  return parsed.success ? parsed.data : inventorySettingsSchema.parse({});
}

export function buffersOf(settings: InventorySettings): Buffers {
  const perSku = new Map<string, Buffer>(settings.skuBuffers.map((b) => [lookupKey(b.sku), b.buffer]));
  return { global: settings.globalBuffer, perSku };
}
