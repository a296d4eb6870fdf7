// Prometheus metrics for the queues, read from BullMQ at scrape time so that any web process can
// serve them: depths by state, totals of completed and failed jobs (BullMQ's own per-minute
// metrics, switched on in the worker), wait/run latency quantiles over recently completed jobs, and
// the serving process's event-loop delay.
import type { Queue } from "bullmq";
import { Gauge, Registry } from "prom-client";
import { takeEventLoopDelay } from "~/lib/event-loop.server";
import type { JobQueues } from "./queues.server";

const STATES = ["waiting", "active", "delayed", "prioritized", "failed", "completed", "paused"] as const;
const QUANTILES = [0.5, 0.9, 0.99];
const SAMPLE = 200;

export async function renderMetrics(queues: JobQueues): Promise<string> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const depth = gauge("loadbay_queue_jobs", "Jobs in each queue by state", ["queue", "state"]);
  const totals = gauge("loadbay_jobs_total", "Jobs finished since metrics began, by outcome", ["queue", "outcome"]);
  const wait = gauge("loadbay_job_wait_seconds", "Time from enqueue to start, recent completed jobs", ["queue", "quantile"]);
  const run = gauge("loadbay_job_run_seconds", "Time from start to finish, recent completed jobs", ["queue", "quantile"]);

  for (const queue of Object.values(queues.queues)) {
    const counts = await queue.getJobCounts(...STATES);
    for (const state of STATES) depth.set({ queue: queue.name, state }, counts[state] ?? 0);
    for (const outcome of ["completed", "failed"] as const) {
      const m = await queue.getMetrics(outcome, 0, 0);
      totals.set({ queue: queue.name, outcome }, m.meta.count);
    }
    const { waits, runs } = await recentLatencies(queue);
    for (const q of QUANTILES) {
      wait.set({ queue: queue.name, quantile: String(q) }, quantile(waits, q));
      run.set({ queue: queue.name, quantile: String(q) }, quantile(runs, q));
    }
  }
  // The serving process's own loop, since the previous scrape.
  const loop = takeEventLoopDelay();
  if (loop) {
    const delay = gauge("loadbay_event_loop_delay_seconds", "How late this process's event loop ran since the previous scrape", ["quantile"]);
    delay.set({ quantile: "0.5" }, loop.p50 / 1000);
    delay.set({ quantile: "0.99" }, loop.p99 / 1000);
    delay.set({ quantile: "1" }, loop.max / 1000);
  }
  return registry.metrics();
}

async function recentLatencies(queue: Queue): Promise<{ waits: number[]; runs: number[] }> {
  const jobs = await queue.getJobs(["completed"], 0, SAMPLE - 1, false);
  const waits: number[] = [];
  const runs: number[] = [];
  for (const job of jobs) {
    if (!job.processedOn || !job.finishedOn) continue;
    waits.push((job.processedOn - job.timestamp) / 1000);
    runs.push((job.finishedOn - job.processedOn) / 1000);
  }
  return { waits, runs };
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
