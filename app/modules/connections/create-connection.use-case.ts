// Adding a warehouse connection from the admin: the provider's form is checked, the credentials are
// sealed, and a provider with its own rules (Whistl) gets its mapping profile for the new connection,
// in the same step, so its first order is already mapped the way that warehouse needs.
import type { MappingSettingsStore } from "~/modules/mapping/mapping-settings.ports";
import { validateSettings } from "~/modules/mapping/check-mapping-settings";
import { asRecord } from "~/modules/mapping/mapping-tables";
import type { ConnectionRepository, ProviderDescriptor } from "./connections.ports";

export interface CreateConnectionDeps {
  connections: Pick<ConnectionRepository, "create">;
  providers: ProviderDescriptor[];
  mappingSettings: MappingSettingsStore;
}

export type CreateConnectionResult = { created: string; connectionId: string; warning?: string } | { errors: Record<string, string> };

export async function createConnection(deps: CreateConnectionDeps, input: { shop: string; form: Record<string, string> }): Promise<CreateConnectionResult> {
  const { form } = input;
  const provider = deps.providers.find((p) => p.id === form.provider);
  if (!provider) return { errors: { provider: "Choose a provider." } };
  const name = (form.name ?? "").trim();
  if (!name) return { errors: { name: "Give the connection a name." } };
  const parsed = provider.parse(form);
  if (!parsed.ok) return { errors: parsed.errors };
  const created = await deps.connections.create(input.shop, { name, provider: provider.id, config: parsed.config, secrets: parsed.secrets });
  if (!created.ok) return { errors: { name: "A connection with this name exists already." } };
  const profile = provider.mappingProfile?.(created.id, name);
  const added = profile ? await deps.mappingSettings.update(input.shop, (stored) => withProfile(stored, profile)) : true;
  if (added === false) {
    const warning = `The connection is saved, but ${provider.label}'s rules could not be added to the mapping settings, which have problems of their own. Fix the mapping settings, then set this connection's profile on its settings page.`;
    return { created: name, connectionId: created.id, warning };
  }
  return { created: name, connectionId: created.id };
}

/** Adds the profile unless the connection already has one; the whole document is checked before it is written. */
function withProfile(stored: unknown, profile: { connectionId: string }) {
  const document = asRecord(stored);
  const connections = Array.isArray(document.connections) ? (document.connections as { connectionId?: unknown }[]) : [];
  if (connections.some((c) => c.connectionId === profile.connectionId)) return { write: null, result: true };
  const validated = validateSettings({ ...document, connections: [...connections, profile] });
  return validated.ok ? { write: validated.settings, result: true } : { write: null, result: false };
}
