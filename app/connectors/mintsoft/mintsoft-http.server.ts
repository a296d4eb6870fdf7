// HTTP to Mintsoft: one API key per connector (cached, re-fetched once on a 401), timeouts through
// AbortSignal, and every transport-level failure sorted before a caller sees the answer.
import type { HttpFetch, HttpInit } from "~/lib/http.server";
import type { ConnectorResult } from "../warehouse-connector";
import { apiKeySchema } from "./mintsoft-schemas";
import type { MintsoftConfig } from "./mintsoft-config";
import { credentialsRefused, fail, retryAfterMs, succeed, transportFailure } from "./failures";

export interface MintsoftAnswer {
  status: number;
  body: unknown;
}

export interface RequestSpec {
  method: "GET" | "PUT" | "POST";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export interface HttpDeps {
  fetch: HttpFetch;
  now: () => Date;
}

export class MintsoftHttp {
  private apiKey: Promise<ConnectorResult<string>> | null = null;

  constructor(
    private readonly config: MintsoftConfig,
    private readonly deps: HttpDeps,
  ) {}

  /** Sends an authenticated request; 2xx/4xx answers come back for the caller to read, the rest are failures. */
  async send(spec: RequestSpec): Promise<ConnectorResult<MintsoftAnswer>> {
    const hadKey = this.apiKey !== null;
    const first = await this.sendWithKey(spec);
    if (!hadKey || first.ok || first.error.kind !== "auth-failed") return first;
    // Keys expire (24 h unless made static): fetch a new one once before calling the credentials refused.
    this.apiKey = null;
    return this.sendWithKey(spec);
  }

  /** Authenticates afresh, bypassing the cached key (for testConnection). */
  async authenticate(): Promise<ConnectorResult<string>> {
    this.apiKey = this.fetchKey();
    return this.apiKey;
  }

  private async sendWithKey(spec: RequestSpec): Promise<ConnectorResult<MintsoftAnswer>> {
    this.apiKey ??= this.fetchKey();
    const key = await this.apiKey;
    if (!key.ok) {
      this.apiKey = null;
      return key;
    }
    const answer = await this.exchange(spec, { "ms-apikey": key.value });
    if (answer.ok && answer.value.status === 401) return fail(credentialsRefused(this.config.username));
    return answer;
  }

  private async fetchKey(): Promise<ConnectorResult<string>> {
    const body = { Username: this.config.username, Password: this.config.password };
    const answer = await this.exchange({ method: "POST", path: "/api/Auth", body }, {});
    if (!answer.ok) return answer;
    const { status } = answer.value;
    if (status === 401 || status === 403 || status === 400) return fail(credentialsRefused(this.config.username));
    const key = apiKeySchema.safeParse(answer.value.body);
    if (status !== 200 || !key.success) return fail({ kind: "transient", message: `Mintsoft answered the sign-in with HTTP ${status} and no API key.` });
    return succeed(key.data);
  }

  private url(spec: RequestSpec): string {
    const url = new URL(`${this.config.baseUrl}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  /** One HTTP exchange: transport errors, 429 and 5xx become failures; anything else is returned. */
  private async exchange(spec: RequestSpec, headers: Record<string, string>): Promise<ConnectorResult<MintsoftAnswer>> {
    const url = this.url(spec);
    const init: HttpInit = {
      method: spec.method,
      headers: { Accept: "application/json", ...(spec.body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    };
    try {
      const res = await this.deps.fetch(url, init);
      const text = await res.text();
      if (res.status === 429) {
        return fail({ kind: "rate-limited", message: "Mintsoft asked Loadbay to slow down (HTTP 429).", retryAfterMs: retryAfterMs(res.headers.get("retry-after"), this.deps.now()) });
      }
      if (res.status >= 500 || res.status === 408) return fail({ kind: "transient", message: `Mintsoft answered HTTP ${res.status} at ${this.config.baseUrl}.` });
      return succeed({ status: res.status, body: parseJson(text) });
    } catch (error) {
      return fail(transportFailure(error, this.config.baseUrl, this.config.timeoutMs));
    }
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
