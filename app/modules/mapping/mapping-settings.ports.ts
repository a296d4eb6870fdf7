// Where the mapping settings document lives, as the settings pages need it. Implemented over
// shop.settings.mapping (app/persistence/mapping-settings.repo.server.ts).
import type { MappingSettings } from "./mapping-settings.schema";

export interface MappingSettingsStore {
  /** The stored document as it is (undefined when never saved); null when the shop is unknown. */
  read(shop: string): Promise<{ stored: unknown } | null>;
  /**
   * Reads the stored document with the shop locked and, if `change` returns a document to write,
   * stores it before the lock is released: two saves of different sections never lose each other's
   * changes. A write moves the shop row's `updatedAt` on, which is what invalidates the compiled
   * settings every process caches. Null when the shop is unknown.
   */
  update<T>(shop: string, change: (stored: unknown) => { write: MappingSettings | null; result: T }): Promise<T | null>;
}

/** Open exceptions by kind, to tell the merchant what a settings change may fix once retried. */
export interface OpenExceptionCounts {
  countsByKind(shop: string, status: "open"): Promise<{ kind: string; count: number }[]>;
}
