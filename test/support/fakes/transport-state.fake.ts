// The transport state port in memory, for connector tests without a database (the conformance suite).
// Acknowledgements change only the stored state, as the SQL implementation does; the warehouse-order
// states are that implementation's (test/integration/edi-x12-connector.test.ts).
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { ConnectionProblem, TransportAcknowledgement, TransportState } from "~/modules/transmission/transport-state.ports";

const contains = (whole: unknown, part: unknown): boolean =>
  typeof part === "object" && part !== null
    ? typeof whole === "object" && whole !== null && Object.entries(part).every(([k, v]) => contains((whole as Record<string, unknown>)[k], v))
    : whole === part;

export class InMemoryTransportState implements TransportState {
  readonly sequences = new Map<string, number>();
  readonly transport = new Map<string, Record<string, unknown>>();
  readonly problems: ConnectionProblem[] = [];
  readonly acknowledgements: TransportAcknowledgement[] = [];

  async advance(scope: InboundFileScope, steps: Record<string, number>, max: number): Promise<Record<string, number>> {
    return Object.fromEntries(
      Object.entries(steps).map(([name, step]) => {
        const key = `${scope.shop}|${scope.connectionId}|${name}`;
        const next = (((this.sequences.get(key) ?? 0) + step - 1) % max) + 1;
        this.sequences.set(key, next);
        return [name, next];
      }),
    );
  }

  async recall(scope: InboundFileScope, warehouseOrderId: string) {
    return this.transport.get(`${scope.shop}|${warehouseOrderId}`) ?? null;
  }

  async keep(scope: InboundFileScope, warehouseOrderId: string, key: string, value: unknown) {
    const at = `${scope.shop}|${warehouseOrderId}`;
    const stored = this.transport.get(at) ?? {};
    if (!(key in stored)) this.transport.set(at, { ...stored, [key]: value });
    return this.transport.get(at) ?? {};
  }

  async acknowledge(_scope: InboundFileScope, acknowledgements: TransportAcknowledgement[]): Promise<number> {
    let matched = 0;
    for (const ack of acknowledgements) {
      this.acknowledgements.push(ack);
      for (const [key, state] of this.transport) {
        if (!contains(state, ack.match)) continue;
        const { attempt, rejected, ...sent } = state as { attempt?: number; rejected?: unknown[] };
        this.transport.set(key, ack.accepted ? { ...state, acknowledgement: "accepted" } : { attempt: (attempt ?? 1) + 1, rejected: [...(rejected ?? []), sent] });
        matched++;
      }
    }
    return matched;
  }

  readonly stamps = new Map<string, Date>();

  async stamp(scope: InboundFileScope, name: string, at: Date): Promise<void> {
    this.stamps.set(`${scope.shop}|${scope.connectionId}|${name}`, at);
  }

  async stampOf(scope: InboundFileScope, name: string): Promise<Date | null> {
    return this.stamps.get(`${scope.shop}|${scope.connectionId}|${name}`) ?? null;
  }

  async raise(_scope: InboundFileScope, problem: ConnectionProblem): Promise<void> {
    this.problems.push(problem);
  }
}
