// Where a settings problem is, for a page: the table cell or form field to mark, the section it
// belongs to, and a label for the list of problems ("Routing rules, row 3, Facility").
import type { SettingsIssue } from "./mapping-issues";
import { tablesIn } from "./check-mapping-settings";
import type { SectionName } from "./mapping-sections";
import { asRecord, getIn, TABLES, type MappingTableKind } from "./mapping-tables";

export interface IssueView {
  message: string;
  where: string;
  section: SectionName | null;
  /** For problems in a connection's profile. */
  connectionId: string | null;
  /** A table cell; row and field are null for the table as a whole (an alias loop, too many rows). */
  cell: { kind: MappingTableKind; row: number | null; field: string | null } | null;
  /** A value outside the tables, as its path in the section's form ("routing.defaultFacilityCode", "sku.maxLength"). */
  field: string | null;
}

/** Labels of the values outside the tables, by their path in the section form. */
export const FIELD_LABELS: Record<string, string> = {
  "routing.defaultFacilityCode": "Default facility",
  "routing.onLocationMismatch": "When Shopify assigned the order to another location",
  "unitsOfMeasure.packSkuPattern": "Pack SKU pattern",
  "unitsOfMeasure.packTitlePattern": "Pack title pattern",
  backorderSplit: "Backorder split",
  connectionId: "Connection",
  name: "Warehouse name",
  orderKeyPrefix: "Order key prefix",
  "serviceCodes.defaultCode": "Default service code",
  "sku.allowedCharacters": "Allowed characters",
  "sku.maxLength": "Longest SKU",
  "sku.case": "Letter case",
  "sku.mode": "SKUs with other characters",
  "address.lineMaxLength": "Longest address line",
  "address.maxLines": "Street lines",
  "address.overflow": "Address lines that are too long",
  "address.fieldMaxLength": "Longest name, company or city",
  "address.transliterate": "Plain letters only",
  references: "References",
  "references.poNumber": "PO number",
  "references.orderNumber": "Order number",
  "references.customerOrganisation": "Company name",
  "references.deliveryInstructions": "Delivery instructions",
  "references.requestedDeliveryDate": "Requested delivery date",
};

const SECTION_OF: Record<string, SectionName> = { facilities: "routing", routing: "routing", unitsOfMeasure: "units", backorderSplit: "units", connections: "connection" };

/** A connection as merchants know it: the profile's name, else its id. */
const profileName = (doc: unknown) => (connectionId: string) => {
  const profiles = asRecord(doc).connections;
  const name = Array.isArray(profiles) ? profiles.map(asRecord).find((p) => p.connectionId === connectionId)?.name : null;
  return typeof name === "string" && name.trim() ? name.trim() : connectionId;
};

/** Places a problem found in `doc`; `warehouseName` turns a connection id into the name merchants know. */
export function viewIssue(issue: SettingsIssue, doc: unknown, warehouseName: (connectionId: string) => string = profileName(doc)): IssueView {
  const { path, message } = issue;
  const section = SECTION_OF[String(path[0])] ?? null;
  const table = tablesIn(doc).find((t) => t.path.every((key, i) => path[i] === key));
  const connectionId = path[0] === "connections" ? stringAt(doc, ["connections", path[1] ?? -1, "connectionId"]) : null;
  const of = connectionId === null ? "" : ` of ${warehouseName(connectionId)}`;
  if (table) {
    const [row, key, condition] = path.slice(table.path.length);
    const field = key === "conditions" ? condition : key;
    const def = TABLES[table.ref.kind];
    const parts = [`${def.title}${of}`, typeof row === "number" ? `row ${row + 1}` : null, typeof field === "string" ? (def.labels[field] ?? field) : null];
    const cell = { kind: table.ref.kind, row: typeof row === "number" ? row : null, field: typeof field === "string" ? field : null };
    return { message, where: parts.filter(Boolean).join(", "), section, connectionId, cell, field: null };
  }
  const field = (connectionId === null ? path : path.slice(2)).join(".");
  return { message, where: `${FIELD_LABELS[field] ?? (field || "Settings")}${of}`, section, connectionId, cell: null, field };
}

function stringAt(doc: unknown, path: (string | number)[]): string | null {
  const value = getIn(asRecord(doc), path);
  return typeof value === "string" ? value : null;
}

export const describeIssueView = (issue: IssueView): string => `${issue.where}: ${issue.message}`;
