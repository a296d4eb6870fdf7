// How late this process's event loop runs (perf_hooks' sampler): a webhook acknowledgement waits for
// whatever else the loop is doing, so this is the first thing to read when acknowledgements slow down.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

let histogram: IntervalHistogram | undefined;
const RESOLUTION_MS = 10;

/** Starts sampling (10 ms resolution); idempotent. */
export function watchEventLoop(): void {
  if (histogram) return;
  histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
}

/** Delay quantiles and maximum in milliseconds since the last call (each read starts a new window). */
export function takeEventLoopDelay(): { p50: number; p99: number; max: number } | null {
  if (!histogram || histogram.count === 0) return null;
  // The histogram records the whole time between two samples, so an idle loop reads 10 ms: the delay
  // is what exceeds the sampling interval.
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const window = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  histogram.reset();
  return window;
}
