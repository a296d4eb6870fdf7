// Sorting Mintsoft's answers into the connector's closed set of failures (warehouse-connector.ts).
import type { ConnectorFailure, ConnectorResult } from "../warehouse-connector";

export const DEFAULT_RETRY_AFTER_MS = 5_000;

export const fail = <T>(error: ConnectorFailure): ConnectorResult<T> => ({ ok: false, error });
export const succeed = <T>(value: T): ConnectorResult<T> => ({ ok: true, value });

/** Retry-After in seconds or as an HTTP date; Mintsoft publishes no limits, so 5 s when absent. */
export function retryAfterMs(header: string | null, now: Date): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now.getTime());
}

const seconds = (ms: number) => (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1));

export function transportFailure(error: unknown, url: string, timeoutMs: number): ConnectorFailure {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return { kind: "transient", message: `Mintsoft did not answer at ${url} within ${seconds(timeoutMs)} s.` };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return { kind: "transient", message: `Mintsoft could not be reached at ${url} (${cause}).` };
}

export const credentialsRefused = (username: string): ConnectorFailure => ({
  kind: "auth-failed",
  message: `Mintsoft refused the API credentials for user “${username}”. Check the username and password in the Mintsoft connection settings.`,
});

/**
 * Transient on purpose: a submit whose answer could not be read may still have created the order, and a
 * retry is safe because Mintsoft's duplicate-reference check turns it into a look-up.
 */
export const unexpectedAnswer = (what: string, status: number): ConnectorFailure => ({
  kind: "transient",
  message: `Mintsoft answered ${what} with HTTP ${status} in a form Loadbay does not recognise.`,
});
