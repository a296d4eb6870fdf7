import { Prisma } from "@prisma/client";
import type { SecretBox } from "~/lib/crypto.server";
import type { Db } from "~/lib/db.server";
import type { ConnectionRepository } from "~/modules/connections/connections.ports";

export class PrismaConnectionRepository implements ConnectionRepository {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  async list(shop: string) {
    const rows = await this.db.warehouseConnection.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
    return rows.map((r) => ({ id: r.id, name: r.name, provider: r.provider, enabled: r.enabled, createdAt: r.createdAt, hasCredentials: r.secrets !== null }));
  }

  async create(shop: string, input: { name: string; provider: string; config: Record<string, unknown>; secrets: Record<string, unknown> }) {
    try {
      const row = await this.db.warehouseConnection.create({
        data: { shop, name: input.name, provider: input.provider, config: input.config as Prisma.InputJsonValue, secrets: this.box.seal(JSON.stringify(input.secrets)) },
        select: { id: true },
      });
      return { ok: true as const, id: row.id };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false as const, reason: "name-taken" as const };
      throw error;
    }
  }
}
