// PostgreSQL side of warehouse pushes: the connection's inbound settings (the secret sealed with its
// other credentials), dispatch advices stored once per (connection, shipment id), and stock levels.
import type { Prisma } from "@prisma/client";
import type { SecretBox } from "~/lib/crypto.server";
import type { Db } from "~/lib/db.server";
import { inboundAuthSchema, type InboundAuth } from "~/modules/inbound/inbound-auth";
import type { InboundRepository, InboundTarget } from "~/modules/inbound/inbound.ports";
import type { DispatchAdviceIn, StockLevelIn } from "~/modules/transmission/warehouse-connector";
import { applyExceptions, prismaRunner } from "./exceptions.server";
import { isUuid } from "~/lib/ids";
import { storeDispatches } from "./dispatches.repo.server";
import { storeStockLevels } from "./stock-levels.repo.server";
import type { Sql } from "~/lib/sql.server";

export class PrismaInboundRepository implements InboundRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly sql: Sql,
  ) {}

  async target(connectionId: string): Promise<InboundTarget | null> {
    if (!isUuid(connectionId)) return null;
    const row = await this.db.warehouseConnection.findUnique({ where: { id: connectionId }, select: { shop: true, id: true, name: true, config: true, secrets: true } });
    if (!row) return null;
    const auth = inboundAuthSchema.safeParse((row.config as { inbound?: unknown } | null)?.inbound);
    const secrets = row.secrets ? (JSON.parse(this.box.open(row.secrets)) as { inboundSecret?: string }) : {};
    return { shop: row.shop, connectionId: row.id, name: row.name, auth: auth.success ? auth.data : null, secret: secrets.inboundSecret ?? null };
  }

  async store(target: InboundTarget, received: { dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }) {
    const { shop, connectionId } = target;
    return this.sql.transaction(async (tx) => {
      const dispatchIds = await storeDispatches(tx, shop, connectionId, received.dispatches);
      // Keyed by the warehouse's SKU: the base SKU unless an alias or SKU profile renames it (decision 0021, open points).
      const stockChangeIds = await storeStockLevels(tx, shop, connectionId, received.stock, "push");
      return { dispatchIds, stockRows: received.stock.length, stockChangeIds };
    });
  }

  async raiseUnreadable(target: InboundTarget, kind: string, message: string): Promise<void> {
    await this.db.$transaction((tx) =>
      applyExceptions(prismaRunner(tx), target.shop, null, [{ key: `inbound-unreadable:${target.connectionId}:${kind}`, kind: "inbound-unreadable", message }], []),
    );
  }

  async setAuth(shop: string, connectionId: string, auth: InboundAuth, secret: string): Promise<boolean> {
    const row = await this.db.warehouseConnection.findFirst({ where: { shop, id: connectionId }, select: { config: true, secrets: true } });
    if (!row) return false;
    const secrets = row.secrets ? (JSON.parse(this.box.open(row.secrets)) as Record<string, unknown>) : {};
    const config = { ...(row.config as object), inbound: auth };
    await this.db.warehouseConnection.updateMany({
      where: { shop, id: connectionId },
      data: { config: config as Prisma.InputJsonValue, secrets: this.box.seal(JSON.stringify({ ...secrets, inboundSecret: secret })) },
    });
    return true;
  }
}
