import type { Query } from "./query";

export interface SimRequest {
  method: string;
  /** Lower-cased path without a trailing slash. */
  path: string;
  query: Query;
  body: unknown;
  apiKey: string | undefined;
}

export interface SimReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const reply = (status: number, body: unknown, headers?: Record<string, string>): SimReply => ({ status, body, headers });
export const message = (status: number, text: string): SimReply => reply(status, { Message: text });
