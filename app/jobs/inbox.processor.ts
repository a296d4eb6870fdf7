// Thin: parse the job, run the use case, translate the result for BullMQ.
import type { Job } from "bullmq";
import type { Logger } from "pino";
import { processInboxRow, type ProcessInboxDeps } from "~/modules/inbox/process-inbox-row.use-case";
import { inboxJobSchema } from "./job-definitions";

export function inboxProcessor(deps: ProcessInboxDeps & { log: Logger }) {
  return async (job: Job): Promise<string> => {
    const data = inboxJobSchema.parse(job.data);
    const log = deps.log.child({ shop: data.shop, inboxId: data.inboxId, jobId: job.id });
    const result = await processInboxRow(deps, data);
    if (result.status === "failed") log.warn({ reason: result.reason }, "webhook failed");
    else log.debug({ result }, "webhook handled");
    return result.status;
  };
}
