// Structured logs (pino). Context (shop, order, job, connector) travels as child bindings;
// secrets are masked wherever they appear under these keys.
import { pino, type Logger } from "pino";
import { env } from "./env.server";

export const REDACTED_PATHS = [
  "accessToken",
  "refreshToken",
  "password",
  "secret",
  "secrets",
  "apiKey",
  "authorization",
  "privateKey",
  "passphrase",
  "*.accessToken",
  "*.refreshToken",
  "*.password",
  "*.secret",
  "*.secrets",
  "*.apiKey",
  "*.authorization",
  "*.privateKey",
  "*.passphrase",
  "headers.authorization",
  'headers["x-shopify-access-token"]',
  'headers["ms-apikey"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "loadbay" },
      redact: { paths: REDACTED_PATHS, censor: "[masked]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

let root: Logger | undefined;

export function logger(): Logger {
  root ??= createLogger(env().LOG_LEVEL);
  return root;
}

export type { Logger };
