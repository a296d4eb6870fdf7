// Thin: parse, run the inventory use case, translate. A delta or poll that could not finish throws so
// BullMQ retries it with backoff; the full sync records its own failure on its run row.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import { pollStock, type PollStockDeps } from "~/modules/inventory/poll-stock.use-case";
import { syncInventory, type SyncInventoryDeps } from "~/modules/inventory/sync-inventory.use-case";
import { syncStockDelta, type SyncStockDeltaDeps } from "~/modules/inventory/sync-stock-delta.use-case";
import { INVENTORY_JOB, inventoryShopJobSchema, stockPollJobSchema } from "./job-definitions";

export interface InventoryJobDeps {
  full: SyncInventoryDeps;
  delta: SyncStockDeltaDeps;
  poll: PollStockDeps;
  log: Logger;
}

export function inventoryProcessor(deps: InventoryJobDeps) {
  return async (job: Job): Promise<string> => {
    if (job.name === INVENTORY_JOB.full) {
      const result = await syncInventory(deps.full, inventoryShopJobSchema.parse(job.data));
      if (result.status === "failed") deps.log.warn({ shop: job.data.shop, message: result.message }, "inventory full sync failed");
      return result.status;
    }
    if (job.name === INVENTORY_JOB.poll) {
      const result = await pollStock(deps.poll, stockPollJobSchema.parse(job.data));
      if (result.status === "retry") throw new Error(`${result.failure.kind}: ${result.failure.message}`);
      return result.status;
    }
    const result = await syncStockDelta(deps.delta, inventoryShopJobSchema.parse(job.data));
    if (result.status === "retry") throw new Error(result.message);
    return result.status;
  };
}
