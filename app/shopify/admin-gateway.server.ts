// The one place that talks to Shopify's Admin GraphQL API (DESIGN.md). It paces each shop by the
// throttleStatus Shopify returns, so one busy shop never spends another's budget; retries THROTTLED
// (Shopify's JS client does not); refreshes an expired token once on 401; and hands expected
// failures back as values. A mutation that fails in transport is reported as `ambiguous`: it may
// have been applied, and only the caller knows how to check.
import type { Logger } from "pino";
import { z } from "zod";
import { err, ok, type Result } from "~/lib/result";
import { httpFetch, type HttpFetch } from "~/lib/http.server";
import { OfflineTokenError, type OfflineTokens } from "./offline-token.server";
import { observed, reserve, waitFor, type Bucket } from "./throttle";

export const ADMIN_API_VERSION = "2026-07";

const costSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() }),
});

export type AdminFailure =
  | { kind: "throttled"; message: string; retryAfterMs: number }
  | { kind: "unauthorized"; message: string }
  | { kind: "invalid-request"; message: string; errors: unknown }
  | { kind: "unavailable"; message: string }
  | { kind: "ambiguous"; message: string };

export interface AdminCallOptions {
  /** Longest the gateway sleeps for the bucket before handing back `throttled` (the job is then delayed). */
  maxWaitMs?: number;
}

export interface AdminResponse<T> {
  data: T;
  requestedCost: number;
  actualCost: number;
}

export interface AdminGatewayConfig {
  tokens: Pick<OfflineTokens, "accessToken" | "invalidate" | "refresh">;
  adminOrigin: (shop: string) => string;
  log: Logger;
  /** The transport; `httpFetch` (lib/http.server.ts) unless a test hands in another. */
  fetch?: HttpFetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_THROTTLE_RETRIES = 5;

interface Reservation {
  document: string;
  cost: number;
}
const DEFAULT_MAX_WAIT_MS = 2_000;

export class AdminGateway {
  private readonly buckets = new Map<string, Bucket>();
  private readonly lastCost = new Map<string, number>();
  /** Calls paced and not yet answered, per shop, with the points each reserved (see `observed`). */
  private readonly inFlight = new Map<string, Set<Reservation>>();
  /** Points spent per shop since start (actual cost), for benchmarks and metrics. */
  readonly pointsSpent = new Map<string, number>();

  constructor(private readonly config: AdminGatewayConfig) {}

  async request<T>(
    shop: string,
    document: string,
    variables: Record<string, unknown> = {},
    options: AdminCallOptions = {},
  ): Promise<Result<AdminResponse<T>, AdminFailure>> {
    const isMutation = /^\s*(#[^\n]*\n\s*)*mutation\b/.test(document);
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const paced = await this.pace(shop, document, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
      if (!paced.ok) return paced;
      const sent = await this.send<T>(shop, document, variables, isMutation, paced.value);
      if (sent.ok) return sent;
      const failure = sent.error;
      if (failure.kind === "unauthorized" && !refreshed) {
        refreshed = true;
        const renewed = await this.renew(shop);
        if (!renewed.ok) return renewed;
        continue;
      }
      if (failure.kind === "throttled" && attempt < MAX_THROTTLE_RETRIES) continue; // pace() waits for the refill
      return sent;
    }
  }

  /** Waits for the points the call will cost and reserves them; answers the points reserved. */
  private async pace(shop: string, document: string, maxWaitMs: number): Promise<Result<Reservation, AdminFailure>> {
    const cost = this.lastCost.get(document) ?? 50;
    const now = this.now();
    const bucket = this.buckets.get(shop);
    const wait = waitFor(bucket, cost, now);
    if (wait > maxWaitMs) return err({ kind: "throttled", message: `Shopify's rate limit for ${shop} needs ${wait} ms to refill`, retryAfterMs: wait });
    if (bucket) this.buckets.set(shop, reserve(bucket, cost, now + wait));
    // Reserved from now until the answer: a call still waiting its turn has spent its points as surely as one on the wire.
    const reservation = { document, cost };
    const reservations = this.inFlight.get(shop) ?? new Set<Reservation>();
    this.inFlight.set(shop, reservations.add(reservation));
    if (wait > 0) await (this.config.sleep ?? sleep)(wait);
    return ok(reservation);
  }

  /** Points held by calls not yet answered; a call reserved before its document's cost was known counts at that cost. */
  private reservedCost(shop: string): number {
    let sum = 0;
    for (const r of this.inFlight.get(shop) ?? []) sum += Math.max(r.cost, this.lastCost.get(r.document) ?? 0);
    return sum;
  }

  private async send<T>(shop: string, document: string, variables: Record<string, unknown>, isMutation: boolean, reservation: Reservation) {
    // The call's own reservation ends when its answer arrives, before the answer's throttleStatus is read.
    const settle = () => this.inFlight.get(shop)?.delete(reservation);
    try {
      return await this.sendReserved<T>(shop, document, variables, isMutation, settle);
    } finally {
      settle();
    }
  }

  private async sendReserved<T>(shop: string, document: string, variables: Record<string, unknown>, isMutation: boolean, settle: () => unknown) {
    let token: string;
    try {
      token = await this.config.tokens.accessToken(shop);
    } catch (error) {
      return err(tokenFailure(error));
    }
    let answer: { status: number; text: string };
    try {
      const res = await (this.config.fetch ?? httpFetch)(`${this.config.adminOrigin(shop)}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query: document, variables }),
      });
      answer = { status: res.status, text: await res.text() };
    } catch (error) {
      return err(this.transportFailure(shop, { error }, isMutation));
    }
    settle();
    if (answer.status < 200 || answer.status >= 300) return err(this.transportFailure(shop, { status: answer.status }, isMutation));
    const response = parseGraphQLResponse<T>(answer.text);
    if (!response) return err(this.transportFailure(shop, { error: new Error("the answer was not a GraphQL response") }, isMutation));
    return this.interpret<T>(shop, document, response);
  }

  private interpret<T>(shop: string, document: string, response: { data: T; extensions?: unknown; errors?: unknown[] }): Result<AdminResponse<T>, AdminFailure> {
    const cost = costSchema.safeParse((response.extensions as { cost?: unknown } | undefined)?.cost);
    const now = this.now();
    if (cost.success) {
      this.lastCost.set(document, cost.data.requestedQueryCost);
      this.buckets.set(shop, observed(cost.data.throttleStatus, now, this.reservedCost(shop)));
      this.pointsSpent.set(shop, (this.pointsSpent.get(shop) ?? 0) + (cost.data.actualQueryCost ?? 0));
    }
    const errors = response.errors ?? [];
    if (errors.some((e) => (e as { extensions?: { code?: string } }).extensions?.code === "THROTTLED")) {
      return err({ kind: "throttled", message: `Shopify throttled a call for ${shop}`, retryAfterMs: 0 });
    }
    if (errors.length > 0) {
      return err({ kind: "invalid-request", message: `Shopify rejected the request: ${String((errors[0] as { message?: string }).message)}`, errors });
    }
    return ok({ data: response.data, requestedCost: cost.data?.requestedQueryCost ?? 0, actualCost: cost.data?.actualQueryCost ?? 0 });
  }

  private transportFailure(shop: string, failure: { status?: number; error?: unknown }, isMutation: boolean): AdminFailure {
    const { status, error } = failure;
    if (status === 401 || status === 403) return { kind: "unauthorized", message: `Shopify refused Loadbay's access token for ${shop} (${status})` };
    const message = `Shopify did not answer for ${shop}: ${status ? `HTTP ${status}` : (error as Error).message}`;
    this.config.log.warn({ shop, status, err: error }, "admin api transport failure");
    // A mutation that may have reached Shopify cannot be blindly retried.
    return isMutation ? { kind: "ambiguous", message } : { kind: "unavailable", message };
  }

  private async renew(shop: string): Promise<Result<true, AdminFailure>> {
    this.config.tokens.invalidate(shop);
    try {
      await this.config.tokens.refresh(shop, { force: true });
      return ok(true);
    } catch (error) {
      return err(tokenFailure(error));
    }
  }

  private now(): number {
    return this.config.now?.() ?? Date.now();
  }
}

function tokenFailure(error: unknown): AdminFailure {
  if (error instanceof OfflineTokenError) {
    return error.kind === "refresh-unavailable" ? { kind: "unavailable", message: error.message } : { kind: "unauthorized", message: error.message };
  }
  throw error;
}

/** A GraphQL answer (`data`, `errors`, `extensions`), or null when the body is not one. */
function parseGraphQLResponse<T>(text: string): { data: T; extensions?: unknown; errors?: unknown[] } | null {
  try {
    const body = JSON.parse(text) as { data?: T; extensions?: unknown; errors?: unknown } | null;
    if (typeof body !== "object" || body === null) return null;
    const errors = body.errors === undefined ? undefined : Array.isArray(body.errors) ? body.errors : [{ message: String(body.errors) }];
    return { data: body.data as T, extensions: body.extensions, errors };
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
