// The warehouse providers Loadbay can connect to: the form each one needs, how that form splits into
// settings and sealed credentials, and how a connector is built from them.
import type { ProviderDescriptor } from "~/modules/connections/connections.ports";
import type { ConnectorFactory } from "./registry.server";
import { MintsoftConnector } from "./mintsoft/mintsoft-connector.server";
import { mintsoftConfigSchema } from "./mintsoft/mintsoft-config";

export interface Provider extends ProviderDescriptor {
  factory: ConnectorFactory;
}

const mintsoft: Provider = {
  id: "mintsoft",
  label: "Mintsoft (REST API)",
  fields: [
    { name: "baseUrl", label: "API address", type: "url", required: true, helpText: "For example https://api.mintsoft.co.uk" },
    { name: "username", label: "API user name", type: "text", required: true },
    { name: "password", label: "API password", type: "password", required: true, helpText: "Stored encrypted; never shown again." },
    { name: "warehouseId", label: "Warehouse id", type: "number", required: true },
    { name: "clientId", label: "Client id", type: "number", required: false, helpText: "Only for 3PL (warehouse) API users." },
  ],
  parse(form) {
    const candidate = {
      baseUrl: form.baseUrl,
      username: form.username,
      password: form.password,
      warehouseId: form.warehouseId ? Number(form.warehouseId) : undefined,
      clientId: form.clientId ? Number(form.clientId) : undefined,
    };
    const parsed = mintsoftConfigSchema.safeParse(candidate);
    if (!parsed.success) {
      return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
    }
    const { password, ...config } = parsed.data;
    return { ok: true, config, secrets: { password } };
  },
  factory: ({ config, secrets }) => new MintsoftConnector(mintsoftConfigSchema.parse({ ...(config as object), ...(secrets as object) })),
};

export const PROVIDERS: Provider[] = [mintsoft];
