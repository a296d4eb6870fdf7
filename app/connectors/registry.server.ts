// Builds the connector for a shop's warehouse connection from its stored provider, settings and
// (decrypted) credentials. Connectors are cached per connection until the row changes, so a REST
// connector keeps its session between orders.
import type { Sql } from "~/lib/sql.server";
import type { SecretBox } from "~/lib/crypto.server";
import type { InboundFileLedger } from "~/modules/transmission/inbound-files.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";
import type { WarehouseConnector } from "./warehouse-connector";
import { isUuid } from "~/lib/ids";

/** What a connector may need besides its settings: which connection it is, and shared ports. */
export interface ConnectorContext {
  shop: string;
  connectionId: string;
  /** Files taken in from file-based warehouses (CSV over SFTP, EDI X12), by name and content hash. */
  inboundFiles: InboundFileLedger;
  /** Counters and per-order transport state (EDI X12 control numbers, 997s); decision 0022. */
  transportState: TransportState;
}

/** Makes a connector from a connection's settings and credentials; throws on invalid settings. */
export type ConnectorFactory = (input: { config: unknown; secrets: unknown; context: ConnectorContext }) => WarehouseConnector;

export interface ConnectorDeps {
  inboundFiles: InboundFileLedger;
  transportState: TransportState;
}

export class StoredConnectorRegistry implements ConnectorRegistry {
  private readonly cache = new Map<string, { version: number; connector: WarehouseConnector }>();

  constructor(
    private readonly sql: Sql,
    private readonly box: SecretBox,
    private readonly factories: Record<string, ConnectorFactory>,
    private readonly deps: ConnectorDeps,
  ) {}

  async forConnection(shop: string, connectionId: string) {
    // Read on every transmission (the cache is keyed by the row's version), so in plain SQL.
    const [row] = isUuid(connectionId)
      ? (
          await this.sql.run<{ id: string; name: string; provider: string; config: unknown; secrets: string | null; enabled: boolean; updatedAt: Date }>(
            "connection-for-connector",
            `SELECT id::text, name, provider, config, secrets, enabled, "updatedAt" FROM warehouse_connection WHERE shop = $1 AND id = $2::uuid`,
            [shop, connectionId],
          )
        ).rows
      : [];
    if (!row) return { ok: false as const, message: "The warehouse connection for this order no longer exists." };
    if (!row.enabled) return { ok: false as const, message: `The warehouse connection “${row.name}” is switched off.` };
    const hit = this.cache.get(row.id);
    if (hit && hit.version === row.updatedAt.getTime()) return { ok: true as const, connector: hit.connector };
    const factory = this.factories[row.provider];
    if (!factory) return { ok: false as const, message: `Loadbay cannot talk to ${row.provider} warehouses yet (connection “${row.name}”).` };
    try {
      const secrets = row.secrets ? JSON.parse(this.box.open(row.secrets)) : {};
      const context = { shop, connectionId: row.id, inboundFiles: this.deps.inboundFiles, transportState: this.deps.transportState };
      const connector = factory({ config: row.config, secrets, context });
      this.cache.set(row.id, { version: row.updatedAt.getTime(), connector });
      return { ok: true as const, connector };
    } catch (error) {
      return { ok: false as const, message: `The settings of the warehouse connection “${row.name}” are not valid (${(error as Error).message}).` };
    }
  }
}
