// The warehouse providers Loadbay can connect to: the form each one needs, how that form splits into
// settings and sealed credentials, and how a connector is built from them.
import type { ProviderDescriptor } from "~/modules/connections/connections.ports";
import type { ConnectorFactory } from "./registry.server";
import { MintsoftConnector } from "./mintsoft/mintsoft-connector.server";
import { mintsoftConfigSchema } from "./mintsoft/mintsoft-config";
import { CsvSftpConnector } from "./csv-sftp/csv-sftp-connector.server";
import { csvSftpConfigSchema } from "./csv-sftp/csv-sftp-config";
import { CSV_SFTP_FIELDS, parseCsvSftpForm } from "./csv-sftp/csv-sftp-form";
import { EdiX12Connector } from "./edi-x12/edi-x12-connector.server";
import { ediX12ConnectionSchema } from "./edi-x12/edi-x12-connection";
import { EDI_X12_FIELDS, parseEdiX12Form } from "./edi-x12/edi-x12-form";
import { whistlMappingProfile, WHISTL_DISPATCH_COLUMNS, WHISTL_ORDER_COLUMNS, WHISTL_STOCK_COLUMNS } from "./whistl/whistl-profile";
import { OrderWiseConnector } from "./orderwise/orderwise-connector.server";
import { orderWiseConfigSchema } from "./orderwise/orderwise-config";
import { ORDERWISE_FIELDS, parseOrderWiseForm } from "./orderwise/orderwise-form";

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

/** Any warehouse that trades CSV files over SFTP (docs/connectors/csv-sftp.md). */
const csvSftp: Provider = {
  id: "csv_sftp",
  label: "CSV files over SFTP (any warehouse)",
  fields: CSV_SFTP_FIELDS,
  parse: parseCsvSftpForm,
  factory: ({ config, secrets, context }) =>
    new CsvSftpConnector(
      csvSftpConfigSchema.parse({ ...(config as object), ...(secrets as object) }),
      { scope: { shop: context.shop, connectionId: context.connectionId }, ledger: context.inboundFiles },
    ),
};

/** EDI X12 files over SFTP: GXO and other enterprise 3PLs (docs/connectors/edi-x12.md). */
const ediX12: Provider = {
  id: "edi_x12",
  label: "EDI X12 over SFTP (GXO and other 3PLs)",
  fields: EDI_X12_FIELDS,
  parse: parseEdiX12Form,
  factory: ({ config, secrets, context }) =>
    new EdiX12Connector(ediX12ConnectionSchema.parse({ ...(config as object), ...(secrets as object) }), {
      scope: { shop: context.shop, connectionId: context.connectionId }, ledger: context.inboundFiles, state: context.transportState,
    }),
};

const WHISTL_COLUMN_BOXES = new Set(["orderColumns", "dispatchColumns", "stockColumns"]);

/**
 * Whistl: CSV over SFTP in Whistl's layout, with its strict mapping profile (docs/connectors/whistl.md).
 * A profile, not a connector: the transport is the CSV one. Column boxes left empty take Whistl's layout.
 */
const whistl: Provider = {
  id: "whistl",
  label: "Whistl (CSV over SFTP, Whistl's rules)",
  fields: CSV_SFTP_FIELDS.map((f) =>
    WHISTL_COLUMN_BOXES.has(f.name) ? { ...f, helpText: "Leave empty for Whistl's layout (docs/connectors/whistl.md); fill in only if Whistl agreed another." } : f,
  ),
  parse(form) {
    const parsed = parseCsvSftpForm(form);
    if (!parsed.ok) return parsed;
    const blank = (name: string) => !(form[name] ?? "").trim();
    const columns = parsed.config.columns as Record<string, unknown>;
    const config = {
      ...parsed.config,
      columns: {
        orders: blank("orderColumns") ? WHISTL_ORDER_COLUMNS : columns.orders,
        dispatches: blank("dispatchColumns") ? WHISTL_DISPATCH_COLUMNS : columns.dispatches,
        stock: blank("stockColumns") ? WHISTL_STOCK_COLUMNS : columns.stock,
      },
    };
    return { ...parsed, config };
  },
  mappingProfile: whistlMappingProfile,
  factory: csvSftp.factory,
};

/**
 * OrderWise pulls sales-order XML from Loadbay and pushes despatches and free stock (docs/connectors/orderwise.md,
 * decision 0023). Its credentials for both are the connection's inbound ones ("Pushes from the warehouse").
 */
const orderWise: Provider = {
  id: "orderwise",
  label: "OrderWise (pulls orders as XML)",
  fields: ORDERWISE_FIELDS,
  parse: parseOrderWiseForm,
  factory: ({ config, context }) =>
    new OrderWiseConnector(orderWiseConfigSchema.parse(config), { scope: { shop: context.shop, connectionId: context.connectionId }, state: context.transportState }),
};

export const PROVIDERS: Provider[] = [mintsoft, csvSftp, ediX12, whistl, orderWise];
