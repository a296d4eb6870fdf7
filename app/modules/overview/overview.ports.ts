// What the overview page reads. Every count is for one shop.

export interface WebhookProblem {
  id: string;
  topic: string;
  status: "rejected" | "failed";
  reason: string;
  receivedAt: Date;
  retryable: boolean;
}

export interface HeldOrder {
  id: string;
  name: string;
  companyName: string | null;
  reasons: string[];
  since: Date;
}

export interface OpenException {
  id: string;
  kind: string;
  message: string;
  orderName: string | null;
  count: number;
  lastSeenAt: Date;
}

export interface ShopOverview {
  held: HeldOrder[];
  exceptions: OpenException[];
  ordersByState: Record<string, number>;
  webhooksLast24h: { received: number; processed: number; rejected: number; failed: number };
  openExceptions: number;
  problems: WebhookProblem[];
  dryRun: boolean;
  goLiveAt: Date | null;
  /** IANA time zone for showing dates. */
  timezone: string;
}

export interface OverviewReader {
  overview(shop: string, now: Date): Promise<ShopOverview>;
}
