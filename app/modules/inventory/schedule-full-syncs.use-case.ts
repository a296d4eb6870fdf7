// The scheduled full reconciliation: every minute, shops whose cadence (inventory settings) has come
// round since their last full run get one. Webhooks and deltas can be missed; this is the safety net.
export interface FullSyncSchedule {
  /** Installed shops with their cadence in minutes (0 = off) and the start of their last full run. */
  fullSyncCandidates(): Promise<{ shop: string; everyMinutes: number; lastStartedAt: Date | null }[]>;
}

export async function scheduleFullSyncs(deps: { schedule: FullSyncSchedule; enqueueFullSync(job: { shop: string }): Promise<void>; now: () => Date }): Promise<{ queued: number }> {
  const now = deps.now().getTime();
  let queued = 0;
  for (const c of await deps.schedule.fullSyncCandidates()) {
    if (c.everyMinutes <= 0) continue;
    if (c.lastStartedAt && now - c.lastStartedAt.getTime() < c.everyMinutes * 60_000) continue;
    await deps.enqueueFullSync({ shop: c.shop });
    queued++;
  }
  return { queued };
}
