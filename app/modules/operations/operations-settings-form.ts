// The operations settings form as posted (field name → text) turned into the input of
// `operationsSettingsSchema`, and the schema's complaints turned back into a sentence per field.
// An empty number field stays empty (NaN) rather than falling back to the default, so the merchant
// is told, not silently overruled.
import type { z } from "zod";

export type FormEntries = [string, string][];

/** Field names. A connection's cut-off is `cutOff.<connection id>`; working days repeat `workingDays`. */
export const CUT_OFF_PREFIX = "cutOff.";

export function formToSettingsInput(entries: FormEntries): unknown {
  const one = (name: string) => entries.find(([k]) => k === name)?.[1];
  const checked = (name: string) => one(name) !== undefined;
  const number = (name: string) => {
    const text = one(name)?.trim() ?? "";
    return text === "" ? Number.NaN : Number(text);
  };
  const cutOffTimes = Object.fromEntries(
    entries.filter(([k, v]) => k.startsWith(CUT_OFF_PREFIX) && v.trim() !== "").map(([k, v]) => [k.slice(CUT_OFF_PREFIX.length), v.trim()]),
  );
  return {
    fulfilment: {
      notifyCustomer: checked("notifyCustomer"),
      statusTag: checked("statusTag"),
      statusTagPrefix: one("statusTagPrefix") ?? "",
      statusMetafield: checked("statusMetafield"),
      statusMetafieldKey: (one("statusMetafieldKey") ?? "").trim(),
    },
    stuck: {
      releasedNotSentMinutes: number("releasedNotSentMinutes"),
      notDispatchedWorkingHours: number("notDispatchedWorkingHours"),
      workingDays: [...new Set(entries.filter(([k]) => k === "workingDays" || k === "workingDays[]").map(([, v]) => Number(v)))].sort(),
      workdayStart: (one("workdayStart") ?? "").trim(),
      workdayEnd: (one("workdayEnd") ?? "").trim(),
      defaultCutOff: (one("defaultCutOff") ?? "").trim(),
      cutOffTimes,
    },
  };
}

const FORMAT_SENTENCE: Record<string, string> = {
  statusTagPrefix: "Use 1 to 40 lower-case letters, digits and dashes, starting with a letter or a digit, such as warehouse.",
  statusMetafieldKey: "Write the metafield as namespace.key, such as loadbay.warehouse_status.",
};

/** The form field an issue belongs to. */
function fieldOf(path: PropertyKey[]): string {
  const [, field, key] = path.map(String);
  if (field === "cutOffTimes" && key) return `${CUT_OFF_PREFIX}${key}`;
  return field ?? "form";
}

/** One sentence per field that the schema rejected (the first problem found for it). */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= sentenceFor(field, issue);
  }
  return errors;
}

function sentenceFor(field: string, issue: z.core.$ZodIssue): string {
  if (field === "workingDays") return "Choose at least one working day.";
  switch (issue.code) {
    case "too_small":
      return `Enter a whole number of at least ${String(issue.minimum)}.`;
    case "too_big":
      return `Enter a whole number of at most ${String(issue.maximum)}.`;
    case "invalid_type":
      return "Enter a whole number.";
    case "invalid_format":
      return FORMAT_SENTENCE[field] ?? "Enter a time as hours and minutes on a 24-hour clock, such as 14:30.";
    default:
      return "This value cannot be saved; check it and try again.";
  }
}
