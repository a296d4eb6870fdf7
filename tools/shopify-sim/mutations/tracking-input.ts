import { z } from "zod";
import type { TrackingRecord } from "../state/types";
import { userError, type UserError } from "./user-error";

export const trackingInput = z
  .object({
    company: z.string().nullish(),
    number: z.string().nullish(),
    numbers: z.array(z.string()).nullish(),
    url: z.string().nullish(),
    urls: z.array(z.string()).nullish(),
  })
  .nullish();

export type TrackingInput = z.infer<typeof trackingInput>;

/** `number` and `numbers` (and `url` and `urls`) are two forms of one thing: never both, and a URL needs its number. */
export function trackingErrors(input: TrackingInput, field: string[]): UserError[] {
  if (!input) return [];
  const errors: UserError[] = [];
  if (input.number != null && input.numbers != null) {
    errors.push(userError([...field, "numbers"], "Tracking number and tracking numbers cannot both be provided."));
  }
  if (input.url != null && input.urls != null) {
    errors.push(userError([...field, "urls"], "Tracking url and tracking urls cannot both be provided."));
  }
  if (input.url != null && input.number == null) errors.push(userError([...field, "url"], "Tracking url requires a tracking number."));
  if (input.urls != null && input.numbers == null) errors.push(userError([...field, "urls"], "Tracking urls require tracking numbers."));
  return errors;
}

export function trackingRecords(input: TrackingInput): TrackingRecord[] {
  if (!input) return [];
  const company = input.company ?? null;
  const numbers = input.numbers ?? (input.number != null ? [input.number] : []);
  const urls = input.urls ?? (input.url != null ? [input.url] : []);
  if (numbers.length === 0) return company ? [{ company, number: null, url: null }] : [];
  return numbers.map((number, i) => ({ company, number, url: urls[i] ?? null }));
}
