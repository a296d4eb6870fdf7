// Job schedulers live in Redis, so a flush removes them. The worker checks on a short timer and
// re-creates any that are missing; upserting only when missing keeps the next run time stable.
import type { Queue } from "bullmq";
import { SCHEDULES, type ScheduleIntervals } from "./job-definitions";

export async function ensureSchedulers(maintenance: Queue, intervals: ScheduleIntervals): Promise<string[]> {
  const created: string[] = [];
  for (const s of SCHEDULES) {
    if (await maintenance.getJobScheduler(s.id)) continue;
    await maintenance.upsertJobScheduler(s.id, { every: s.everyMs(intervals) }, { name: s.task, data: { task: s.task } });
    created.push(s.id);
  }
  return created;
}
