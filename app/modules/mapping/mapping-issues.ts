// Zod's issues as sentences a merchant understands ("“0” is too small: use at least 1."), for the
// settings pages and CSV imports alike. The schemas' own messages are kept: full sentences as they
// are ("There is no facility X."), descriptions ("a two-letter country code") around the value.
import type { z } from "zod";
import { LIST_SEPARATOR } from "./mapping-rows.schema";

export type IssuePath = (string | number)[];

/** A problem at a place in the settings document, in a sentence. */
export interface SettingsIssue {
  path: IssuePath;
  message: string;
}

type Issue = z.core.$ZodIssue;

const shown = (raw: unknown) => `“${String(raw).trim()}”`;
const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One issue as a sentence. `raw` is what the merchant typed for the field (the cell's text), which
 * reads better than what zod saw after coercion ("" becomes 0 for a number).
 */
export function describeIssue(issue: Issue, raw: unknown): string {
  if (isBlank(raw) && issue.code !== "custom") return "This cannot be empty.";
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return `${shown(raw)} is not a whole number.`;
      if (issue.expected === "number") return `${shown(raw)} is not a number.`;
      if (issue.expected === "boolean") return `${shown(raw)} is not yes or no.`;
      return `${shown(raw)} is not the right kind of value.`;
    case "too_small":
      return issue.origin === "number" || issue.origin === "int" ? `${shown(raw)} is too small: use at least ${issue.minimum}.` : `This needs at least ${issue.minimum} ${unit(issue.origin)}.`;
    case "too_big":
      return issue.origin === "number" || issue.origin === "int" ? `${shown(raw)} is too large: use at most ${issue.maximum}.` : `This is longer than ${issue.maximum} ${unit(issue.origin)}.`;
    case "invalid_value":
      return `${shown(raw)} is not one of: ${issue.values.map(String).join(", ")}.`;
    case "invalid_format":
    case "custom":
      return described(issue.message, raw);
    default:
      return `${shown(raw)} is not valid here.`;
  }
}

const unit = (origin: string) => (origin === "array" || origin === "set" ? "values" : "characters");

function described(message: string, raw: unknown): string {
  if (/^[A-Z]/.test(message)) return message.endsWith(".") ? message : `${message}.`;
  if (/^give\b/.test(message)) return `${capitalise(message)}.`;
  if (isBlank(raw) || typeof raw === "object") return `${capitalise(message)}.`;
  return message.startsWith("not ") ? `${shown(raw)} is ${message}.` : `${shown(raw)} is not ${message}.`;
}

/** The text the merchant gave at an issue's path; a list item is found inside its ";"-separated cell. */
export function rawAt(doc: unknown, path: IssuePath): unknown {
  let current = doc;
  for (const key of path) {
    if (typeof current === "string" && typeof key === "number") current = current.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Every issue of a failed parse of `input`, as sentences, with paths under `prefix`. */
export function issuesOf(error: z.ZodError, input: unknown, prefix: IssuePath = []): SettingsIssue[] {
  return error.issues.map((issue) => ({ path: [...prefix, ...(issue.path as IssuePath)], message: describeIssue(issue, rawAt(input, issue.path as IssuePath)) }));
}
