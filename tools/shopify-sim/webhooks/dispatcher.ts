import type { Clock } from "../lib/clock";
import type { Rng } from "../lib/rng";
import type { ShopState } from "../state/shop-state";
import type { WebhookDelivery, WebhookEvent, WebhookTarget } from "./delivery-types";
import { postDelivery } from "./post-delivery";
import { signWebhook } from "./sign";

export const WEBHOOK_API_VERSION = "2026-07";

export interface DispatcherOptions {
  apiSecret: string;
  target: WebhookTarget | undefined;
  clock: Clock;
  rng: Rng;
  /** Waits between attempts after a non-2xx answer or a network error (Shopify: 8 retries over 4 hours). */
  retryDelaysMs: number[];
  timeoutMs: number;
}

/** Signs, sends, retries and records webhook deliveries, with the shop's duplicate / reorder / delay / hold modes. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  readonly events: WebhookEvent[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly held: { delivery: WebhookDelivery; shop: ShopState }[] = [];
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  emit(shop: ShopState, topic: string, payload: unknown): void {
    const event: WebhookEvent = { eventId: this.options.rng.uuid(), topic, shop: shop.domain, payload, triggeredAt: new Date(this.options.clock.now()).toISOString() };
    this.events.push(event);
    const url = this.urlFor(topic, shop.domain);
    if (!url || this.closed) return;
    const delivery = this.build(event, url);
    this.deliveries.push(delivery);
    const batch = [delivery, ...this.duplicates(shop, delivery)];
    if (shop.webhookMode.hold || shop.webhookMode.reorder) {
      for (const d of batch) this.held.push({ delivery: d, shop });
      if (!shop.webhookMode.hold) this.scheduleRelease(shop);
      return;
    }
    for (const d of batch) this.send(shop, d);
  }

  /**
   * Sends the held deliveries of `shop` (or of all shops), shuffled when the shop reorders; at most
   * `limit` of them (a burst of a known size), leaving the rest held.
   */
  release(shop?: ShopState, limit = Number.POSITIVE_INFINITY): number {
    const mine = this.held.filter((h) => !shop || h.shop === shop);
    const ordered = mine.some((h) => h.shop.webhookMode.reorder) ? this.options.rng.shuffle(mine) : mine;
    const sending = new Set(ordered.slice(0, limit));
    this.held.splice(0, this.held.length, ...this.held.filter((h) => !sending.has(h)));
    for (const h of sending) this.send(h.shop, h.delivery);
    return sending.size;
  }

  /** Resolves once nothing is being sent or waiting for a retry (held deliveries do not count). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  private urlFor(topic: string, shop: string): string | undefined {
    const target = this.options.target;
    if (typeof target === "function") return target(topic, shop);
    if (typeof target === "string") return target;
    return target?.[topic];
  }

  private build(event: WebhookEvent, url: string): WebhookDelivery {
    const body = JSON.stringify(event.payload);
    const webhookId = this.options.rng.uuid();
    return {
      webhookId,
      eventId: event.eventId,
      topic: event.topic,
      shop: event.shop,
      url,
      body,
      triggeredAt: event.triggeredAt,
      copy: 0,
      attempts: [],
      state: "held",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Shopify-Captain-Hook",
        "X-Shopify-Topic": event.topic,
        "X-Shopify-Hmac-Sha256": signWebhook(body, this.options.apiSecret),
        "X-Shopify-Shop-Domain": event.shop,
        "X-Shopify-API-Version": WEBHOOK_API_VERSION,
        "X-Shopify-Webhook-Id": webhookId,
        "X-Shopify-Event-Id": event.eventId,
        "X-Shopify-Triggered-At": event.triggeredAt,
      },
    };
  }

  private duplicates(shop: ShopState, original: WebhookDelivery): WebhookDelivery[] {
    const setting = shop.webhookMode.duplicates;
    const count = setting >= 1 ? Math.floor(setting) : setting > 0 && this.options.rng.next() < setting ? 1 : 0;
    const copies = Array.from({ length: count }, (_, i) => ({ ...original, copy: i + 1, attempts: [], headers: { ...original.headers } }));
    this.deliveries.push(...copies);
    return copies;
  }

  private scheduleRelease(shop: ShopState): void {
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 10)).then(() => void this.release(shop));
    this.track(timer);
  }

  private send(shop: ShopState, delivery: WebhookDelivery): void {
    delivery.state = "pending";
    const run = postDelivery(delivery, {
      delayMs: shop.webhookMode.delayMs,
      retryDelaysMs: this.options.retryDelaysMs,
      timeoutMs: this.options.timeoutMs,
      clock: this.options.clock,
      isClosed: () => this.closed,
    });
    this.track(run);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}
