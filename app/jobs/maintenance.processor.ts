// Scheduled upkeep: the sweeper, payload retention and the reconciliation sweep.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { InboxRepository } from "~/modules/inbox/inbox.ports";
import { reconcileShops, type ReconcileDeps } from "~/modules/orders/reconcile.use-case";
import { sweepUnfinished, type SweepDeps } from "~/modules/recovery/sweep-unfinished.use-case";
import { maintenanceJobSchema } from "./job-definitions";

export function maintenanceProcessor(deps: { sweep: SweepDeps; reconcile: ReconcileDeps; inbox: InboxRepository; log: Logger }) {
  return async (job: Job): Promise<unknown> => {
    const { task } = maintenanceJobSchema.parse(job.data);
    switch (task) {
      case "sweep":
        return sweepUnfinished(deps.sweep);
      case "reconcile":
        return reconcileShops(deps.reconcile);
      case "purge-payloads": {
        const purged = await deps.inbox.purgePayloads(new Date());
        if (purged) deps.log.info({ purged }, "raw webhook payloads purged after retention");
        return { purged };
      }
    }
  };
}
