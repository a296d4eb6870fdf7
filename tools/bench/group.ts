export interface BenchContext {
  runs: number;
}

export type BenchGroup = (ctx: BenchContext) => Promise<Record<string, number>>;
