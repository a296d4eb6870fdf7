/** One attempt to POST a delivery. */
export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

/** One webhook delivery (an event to one subscription). Retries and duplicate sends reuse its webhook id. */
export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  triggeredAt: string;
  /** 0 for the original, 1.. for duplicate sends made by `webhookMode.duplicates`. */
  copy: number;
  attempts: DeliveryAttempt[];
  state: "held" | "pending" | "delivered" | "failed";
}

/** Every event the simulator raised, whether or not a subscription received it. */
export interface WebhookEvent {
  eventId: string;
  topic: string;
  shop: string;
  payload: unknown;
  triggeredAt: string;
}

/** Where each topic goes: one base URL for all topics, a topic → URL map, or a function. */
export type WebhookTarget = string | Record<string, string> | ((topic: string, shop: string) => string | undefined);
