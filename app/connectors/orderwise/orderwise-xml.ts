// The XML settings every OrderWise document shares (docs/connectors/orderwise.md, "Assumed XML layout").
// Values stay strings when read (no number guessing), so SKUs with leading zeros and totals survive
// exactly; numbers are checked by zod where a number is meant.
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/** Elements that may repeat; always read as arrays, so one child and many read the same way. */
const REPEATING = new Set(["salesOrder", "line", "acknowledgement", "despatch", "consignmentNumber", "stockLevel", "reference"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATING.has(name),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });

export type Read = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** Parses a whole document; a document that is not well-formed XML is refused with the parser's reason. */
export function readXml(text: string): Read {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  return { ok: true, value: parser.parse(text) as Record<string, unknown> };
}

export function writeXml(document: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document) as string}`;
}

/** The first zod issue as "path: message", for a sentence about what was unreadable. */
export const where = (error: { issues: { path: PropertyKey[]; message: string }[] }): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "document"}: ${issue.message}` : "unknown";
};
