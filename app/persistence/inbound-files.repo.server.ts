// PostgreSQL side of the inbound file ledger (`inbound_file`): unique per shop, connection, name and
// content hash, so recording is an insert that skips what is already there.
import type { Db } from "~/lib/db.server";
import {
  inboundFileId, type InboundFileKey, type InboundFileKind, type InboundFileLedger, type InboundFileScope,
} from "~/modules/transmission/inbound-files.ports";

export class PrismaInboundFileLedger implements InboundFileLedger {
  constructor(private readonly db: Db) {}

  async seen(scope: InboundFileScope, files: InboundFileKey[]): Promise<Set<string>> {
    if (files.length === 0) return new Set();
    const rows = await this.db.inboundFile.findMany({
      where: { shop: scope.shop, connectionId: scope.connectionId, OR: files.map((f) => ({ name: f.name, contentHash: f.contentHash })) },
      select: { name: true, contentHash: true },
    });
    return new Set(rows.map(inboundFileId));
  }

  async record(scope: InboundFileScope, kind: InboundFileKind, files: InboundFileKey[]): Promise<void> {
    if (files.length === 0) return;
    await this.db.inboundFile.createMany({
      data: files.map((f) => ({ shop: scope.shop, connectionId: scope.connectionId, name: f.name, contentHash: f.contentHash, kind })),
      skipDuplicates: true,
    });
  }
}
