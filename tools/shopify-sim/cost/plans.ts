/** GraphQL Admin rate-limit plans: restore rates from Shopify's docs, bucket sizes as observed (20 s of restore). */
export interface RatePlan {
  restoreRate: number;
  bucketSize: number;
}

export type PlanName = "standard" | "advanced" | "plus" | "enterprise";
export type PlanOption = PlanName | RatePlan;

const PLANS: Record<PlanName, RatePlan> = {
  standard: { restoreRate: 100, bucketSize: 2_000 },
  advanced: { restoreRate: 200, bucketSize: 4_000 },
  plus: { restoreRate: 1_000, bucketSize: 20_000 },
  enterprise: { restoreRate: 2_000, bucketSize: 40_000 },
};

export function resolvePlan(plan: PlanOption | undefined): RatePlan {
  if (plan === undefined) return PLANS.standard;
  return typeof plan === "string" ? PLANS[plan] : plan;
}

/** Shopify refuses any single query whose requested cost is above this. */
export const MAX_QUERY_COST = 1_000;
/** Every top-level mutation field costs this much, whatever it selects. */
export const MUTATION_COST = 10;
