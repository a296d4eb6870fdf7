// What the settings pages show: the stored document (as stored, when it no longer validates, so each
// bad value can be shown where it is), its problems, the shop's warehouse connections and the open
// exceptions a settings change may fix; and one table as a CSV file.
import type { ConnectionRepository } from "~/modules/connections/connections.ports";
import { validateSettings } from "./check-mapping-settings";
import { exportRows } from "./mapping-csv";
import { parseMappingSettings, type MappingSettings } from "./mapping-settings.schema";
import type { MappingSettingsStore, OpenExceptionCounts } from "./mapping-settings.ports";
import { asRecord, profileOf, type TableRef } from "./mapping-tables";
import { openMappingExceptions } from "./open-mapping-exceptions";
import { viewIssue, type IssueView } from "./settings-issue-view";

export interface MappingSettingsView {
  doc: MappingSettings | Record<string, unknown>;
  /** Empty when the stored settings are valid. */
  problems: IssueView[];
  connections: { id: string; name: string; provider: string }[];
  openExceptions: { kind: string; count: number }[];
}

export async function readMappingSettings(
  deps: { store: MappingSettingsStore; exceptions: OpenExceptionCounts; connections: Pick<ConnectionRepository, "list"> },
  shop: string,
): Promise<MappingSettingsView | null> {
  const [read, connections, openExceptions] = await Promise.all([deps.store.read(shop), deps.connections.list(shop), openMappingExceptions(deps.exceptions, shop)]);
  if (!read) return null;
  const { doc, problems } = storedDocument(read.stored);
  return { doc, problems, connections: connections.map(({ id, name, provider }) => ({ id, name, provider })), openExceptions };
}

function storedDocument(stored: unknown): { doc: MappingSettings | Record<string, unknown>; problems: IssueView[] } {
  const parsed = parseMappingSettings(stored);
  if (parsed.ok) return { doc: parsed.value, problems: [] };
  const raw = asRecord(stored);
  const validated = validateSettings(raw);
  return { doc: raw, problems: validated.ok ? [] : validated.issues.map((i) => viewIssue(i, raw)) };
}

/** One table as a CSV file with a name that says what it holds; null when the shop is unknown. */
export async function exportMappingTable(deps: { store: MappingSettingsStore }, input: { shop: string; table: TableRef }): Promise<{ filename: string; text: string } | null> {
  const read = await deps.store.read(input.shop);
  if (!read) return null;
  const { doc } = storedDocument(read.stored);
  const owner = input.table.connectionId === null ? null : profileOf(doc, input.table.connectionId);
  const name = typeof owner?.name === "string" ? owner.name : input.table.connectionId;
  const filename = ["loadbay", input.table.kind, name].filter(Boolean).join("-").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-");
  return { filename: `${filename}.csv`, text: exportRows(input.table, doc) };
}
