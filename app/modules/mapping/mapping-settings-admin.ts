// The mapping settings pages' use cases with their dependencies bound, as the container hands them out.
import type { ConnectionRepository } from "~/modules/connections/connections.ports";
import { importMappingTable } from "./import-mapping-table.use-case";
import type { MappingSettingsStore, OpenExceptionCounts } from "./mapping-settings.ports";
import type { SectionForm } from "./mapping-sections";
import type { TableRef } from "./mapping-tables";
import { exportMappingTable, readMappingSettings } from "./read-mapping-settings.use-case";
import { saveMappingSection } from "./save-mapping-section.use-case";

export interface MappingSettingsAdmin {
  read(shop: string): ReturnType<typeof readMappingSettings>;
  save(input: { shop: string; form: SectionForm }): ReturnType<typeof saveMappingSection>;
  importTable(input: { shop: string; table: TableRef; text: string }): ReturnType<typeof importMappingTable>;
  exportTable(input: { shop: string; table: TableRef }): ReturnType<typeof exportMappingTable>;
}

export function mappingSettingsAdmin(deps: { store: MappingSettingsStore; exceptions: OpenExceptionCounts; connections: Pick<ConnectionRepository, "list"> }): MappingSettingsAdmin {
  return {
    read: (shop) => readMappingSettings(deps, shop),
    save: (input) => saveMappingSection(deps, input),
    importTable: (input) => importMappingTable(deps, input),
    exportTable: (input) => exportMappingTable(deps, input),
  };
}
