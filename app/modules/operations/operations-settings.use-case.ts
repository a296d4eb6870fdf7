// Reading and saving `shop.settings.operations` for the settings page. The same zod schema that every
// reader uses validates the form; a save writes only the `operations` key (the store's contract), and
// keeps cut-offs only for the shop's own warehouse connections.
import type { ConnectionRepository } from "~/modules/connections/connections.ports";
import { operationsSettingsSchema, readOperationsSettings, type OperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import { fieldErrors, formToSettingsInput, type FormEntries } from "./operations-settings-form";

export interface OperationsSettingsStore {
  /** The shop's whole `shop.settings` as stored; null when the shop is unknown. */
  read(shop: string): Promise<{ settings: unknown } | null>;
  /**
   * Replaces `shop.settings.operations` and nothing else, in one statement, so a save of another key
   * (the mapping settings) at the same moment is kept. False when the shop is unknown.
   */
  writeOperations(shop: string, operations: OperationsSettings): Promise<boolean>;
}

interface Deps {
  store: OperationsSettingsStore;
  connections: Pick<ConnectionRepository, "list">;
}

export interface OperationsSettingsPage {
  settings: OperationsSettings;
  connections: { id: string; name: string }[];
}

export async function readOperationsSettingsPage(deps: Deps, shop: string): Promise<OperationsSettingsPage | null> {
  const [stored, connections] = await Promise.all([deps.store.read(shop), deps.connections.list(shop)]);
  if (!stored) return null;
  return { settings: readOperationsSettings(stored.settings), connections: connections.map((c) => ({ id: c.id, name: c.name })) };
}

export type SaveOperationsSettingsResult = { ok: true; settings: OperationsSettings } | { ok: false; errors: Record<string, string> } | null;

export async function saveOperationsSettings(deps: Deps, input: { shop: string; entries: FormEntries }): Promise<SaveOperationsSettingsResult> {
  const parsed = operationsSettingsSchema.safeParse(formToSettingsInput(input.entries));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const known = new Set((await deps.connections.list(input.shop)).map((c) => c.id));
  const cutOffTimes = Object.fromEntries(Object.entries(parsed.data.stuck.cutOffTimes).filter(([id]) => known.has(id)));
  const settings = { ...parsed.data, stuck: { ...parsed.data.stuck, cutOffTimes } };
  return (await deps.store.writeOperations(input.shop, settings)) ? { ok: true, settings } : null;
}
