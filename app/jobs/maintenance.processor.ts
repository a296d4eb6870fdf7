// Scheduled upkeep: the sweeper, payload retention, the reconciliation sweep and dispatch polls.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { InboxRepository } from "~/modules/inbox/inbox.ports";
import { reconcileShops, type ReconcileDeps } from "~/modules/orders/reconcile.use-case";
import { sweepUnfinished, type SweepDeps } from "~/modules/recovery/sweep-unfinished.use-case";
import { maintenanceJobSchema } from "./job-definitions";

export interface PollScheduling {
  targets(): Promise<{ shop: string; connectionId: string }[]>;
  enqueuePoll(job: { shop: string; connectionId: string }): Promise<void>;
}

export function maintenanceProcessor(deps: { sweep: SweepDeps; reconcile: ReconcileDeps; inbox: InboxRepository; polls: PollScheduling; log: Logger }) {
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
      case "purge-payloads": {
        const purged = await deps.inbox.purgePayloads(new Date());
        if (purged) deps.log.info({ purged }, "raw webhook payloads purged after retention");
        return { purged };
      }
    }
  };
}
