import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { InboxRepository } from "~/modules/inbox/inbox.ports";
import { sweepUnfinished, type SweepDeps } from "~/modules/recovery/sweep-unfinished.use-case";
import { maintenanceJobSchema } from "./job-definitions";

export function maintenanceProcessor(deps: SweepDeps & { inbox: InboxRepository; log: Logger }) {
  return async (job: Job): Promise<unknown> => {
    const { task } = maintenanceJobSchema.parse(job.data);
    switch (task) {
      case "sweep":
        return sweepUnfinished(deps);
      case "purge-payloads": {
        const purged = await deps.inbox.purgePayloads(deps.now());
        if (purged) deps.log.info({ purged }, "raw webhook payloads purged after retention");
        return { purged };
      }
    }
  };
}
