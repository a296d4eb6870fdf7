// Scheduled upkeep: the sweeper, payload retention, the reconciliation sweep and dispatch polls.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { InboxRepository } from "~/modules/inbox/inbox.ports";
import { reconcileShops, type ReconcileDeps } from "~/modules/orders/reconcile.use-case";
import { sweepUnfinished, type SweepDeps } from "~/modules/recovery/sweep-unfinished.use-case";
import { scheduleFullSyncs, type FullSyncSchedule } from "~/modules/inventory/schedule-full-syncs.use-case";
import { maintenanceJobSchema } from "./job-definitions";

export interface PollScheduling {
  targets(): Promise<{ shop: string; connectionId: string }[]>;
  enqueuePoll(job: { shop: string; connectionId: string }): Promise<void>;
}

export interface InventoryScheduling {
  schedule: FullSyncSchedule;
  enqueueFullSync(job: { shop: string }): Promise<void>;
  stockPolls: PollScheduling;
}

export function maintenanceProcessor(deps: { sweep: SweepDeps; reconcile: ReconcileDeps; inbox: InboxRepository; polls: PollScheduling; inventory: InventoryScheduling; log: Logger }) {
  return async (job: Job): Promise<unknown> => {
    const { task } = maintenanceJobSchema.parse(job.data);
    switch (task) {
      case "sweep":
        return sweepUnfinished(deps.sweep);
      case "reconcile":
        return reconcileShops(deps.reconcile);
      case "poll-dispatches": {
        // One job per connection, so a slow warehouse holds up only its own poll.
        const targets = await deps.polls.targets();
        for (const t of targets) await deps.polls.enqueuePoll(t);
        return { connections: targets.length };
      }
      case "poll-stock": {
        const targets = await deps.inventory.stockPolls.targets();
        for (const t of targets) await deps.inventory.stockPolls.enqueuePoll(t);
        return { connections: targets.length };
      }
      case "inventory-schedule":
        return scheduleFullSyncs({ schedule: deps.inventory.schedule, enqueueFullSync: (job) => deps.inventory.enqueueFullSync(job), now: () => new Date() });
      case "purge-payloads": {
        const purged = await deps.inbox.purgePayloads(new Date());
        if (purged) deps.log.info({ purged }, "raw webhook payloads purged after retention");
        return { purged };
      }
    }
  };
}
