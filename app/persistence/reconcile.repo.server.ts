import type { Db } from "~/lib/db.server";
import type { Sql } from "~/lib/sql.server";
import type { ReconcileRepository } from "~/modules/orders/reconcile.use-case";
import { noteOrderChange } from "./order-notes.server";

export class PrismaReconcileRepository implements ReconcileRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async shopsToReconcile() {
    const shops = await this.db.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true, lastSweepAt: true, goLiveAt: true } });
    const withSession = new Set(
      (await this.db.session.findMany({ where: { isOnline: false, shop: { in: shops.map((s) => s.domain) } }, select: { shop: true } })).map((s) => s.shop),
    );
    return shops.filter((s) => withSession.has(s.domain)).map((s) => ({ shop: s.domain, since: s.lastSweepAt, goLiveAt: s.goLiveAt }));
  }

  noteFromSweep(shop: string, order: { shopifyOrderId: string; name: string; updatedAt: Date }) {
    return this.sql.transaction((tx) =>
      noteOrderChange(tx, shop, {
        shopifyOrderId: order.shopifyOrderId,
        name: order.name,
        updatedAt: order.updatedAt,
        fingerprint: null,
        actor: "sweep:reconciliation",
        message: "Found by the reconciliation sweep (no webhook had brought this change)",
        noteKnown: false,
      }),
    );
  }

  async markSwept(shop: string, upTo: Date): Promise<void> {
    await this.db.shop.updateMany({ where: { domain: shop }, data: { lastSweepAt: upTo } });
  }
}
