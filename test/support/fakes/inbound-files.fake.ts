// The inbound file ledger in memory, for connector tests that need no database (the conformance suite).
import {
  inboundFileId, type InboundFileKey, type InboundFileKind, type InboundFileLedger, type InboundFileScope,
} from "~/modules/transmission/inbound-files.ports";

export class InMemoryInboundFileLedger implements InboundFileLedger {
  readonly rows = new Map<string, { scope: InboundFileScope; kind: InboundFileKind; file: InboundFileKey }>();

  private key(scope: InboundFileScope, file: InboundFileKey): string {
    return `${scope.shop}|${scope.connectionId}|${inboundFileId(file)}`;
  }

  async seen(scope: InboundFileScope, files: InboundFileKey[]): Promise<Set<string>> {
    return new Set(files.filter((f) => this.rows.has(this.key(scope, f))).map(inboundFileId));
  }

  async record(scope: InboundFileScope, kind: InboundFileKind, files: InboundFileKey[]): Promise<void> {
    for (const file of files) this.rows.set(this.key(scope, file), { scope, kind, file });
  }
}
