// Small, exact statistics for benchmark figures.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export const median = (values: number[]) => percentile(values, 50);

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Runs `once` `runs` times and returns, per figure, the median across runs; each run's figures go to stderr. */
export async function medianOfRuns(runs: number, once: (run: number) => Promise<Record<string, number>>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    const figures = await once(run);
    console.error(`bench run ${run + 1}/${runs}: ${JSON.stringify(figures)}`);
    for (const [name, value] of Object.entries(figures)) (samples[name] ??= []).push(value);
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, round(median(values), 3)]));
}
