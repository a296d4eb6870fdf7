// The transport state port in memory, for connector tests without a database (the conformance suite).
// Acknowledgements only note themselves in the stored state; the warehouse-order states are the SQL
// implementation's (test/integration/edi-x12-connector.test.ts).
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

  async keep(scope: InboundFileScope, warehouseOrderId: string, state: Record<string, unknown>) {
    const key = `${scope.shop}|${warehouseOrderId}`;
    if (!this.transport.has(key)) this.transport.set(key, state);
    return this.transport.get(key) ?? state;
  }

  async acknowledge(_scope: InboundFileScope, acknowledgements: TransportAcknowledgement[]): Promise<number> {
    let matched = 0;
    for (const ack of acknowledgements) {
      this.acknowledgements.push(ack);
      for (const [key, state] of this.transport) {
        if (!contains(state, ack.match)) continue;
        this.transport.set(key, { ...state, acknowledgement: ack.accepted ? "accepted" : "rejected" });
        matched++;
      }
    }
    return matched;
  }

  async raise(_scope: InboundFileScope, problem: ConnectionProblem): Promise<void> {
    this.problems.push(problem);
  }
}
