// Recording a decision against real PostgreSQL when the order moved on while it was being evaluated:
// a shipment or a transmission recorded meanwhile is never undone by the decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSql, type Sql } from "~/lib/sql.server";
import type { DecisionRecord } from "~/modules/orders/orders.ports";
import { PrismaOrderRepository } from "~/persistence/orders.repo.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SHOP = "decision-shop.myshopify.com";
let database: TestDatabase;
let sql: Sql;
let orders: PrismaOrderRepository;

beforeAll(async () => {
  database = await createTestDatabase("decision");
  sql = createSql(database.url);
  orders = new PrismaOrderRepository(database.db, sql);
  await database.db.shop.create({ data: { domain: SHOP, dryRun: false } });
});
afterAll(async () => {
  await sql.close();
  await database.drop();
});

const order = (n: number, state: "shipped" | "in_fulfilment") =>
  database.db.order.create({ data: { shop: SHOP, shopifyOrderId: `gid://shopify/Order/${n}`, name: `#${n}`, state, evaluationRevision: 2, pendingEvaluation: true } });

const decision = (over: Partial<DecisionRecord>): DecisionRecord => ({ revision: 2, state: "held", holdReasons: null, facts: null, ownWriteStamp: null, timeline: [], raise: [], clear: [], ...over });

describe("recording a decision", () => {
  it("keeps a shipment recorded while an evaluation after transmission ran", async () => {
    const row = await order(1, "shipped"); // the last shipment landed after the evaluation read partially_shipped
    const result = await orders.recordDecision(SHOP, row.id, decision({ state: "partially_shipped", timeline: [{ actor: "rule:release", kind: "decision", message: "Nothing to change at the warehouse" }] }), "partially_shipped");
    expect(result.stillPending).toBe(false);
    expect(await database.db.order.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "shipped", pendingEvaluation: false });
  });

  it("does not hold an order that went to the warehouse meanwhile, and leaves it to be evaluated again", async () => {
    const row = await order(2, "in_fulfilment"); // sent after the evaluation read released
    const held = decision({
      state: "held",
      holdReasons: [{ code: "hold_tag", message: "Tagged hold" }],
      timeline: [
        { actor: "rule:release", kind: "transition", message: "released → held" },
        { actor: "rule:release", kind: "decision", message: "Held: tagged hold" },
      ],
    });
    const result = await orders.recordDecision(SHOP, row.id, held, "released");
    expect(result).toEqual({ stillPending: true, toTransmit: [], toCancel: [] });
    expect(await database.db.order.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "in_fulfilment", holdReasons: [], pendingEvaluation: true, evaluationRevision: 3 });
    const kinds = (await database.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: row.id } })).map((e) => e.kind);
    expect(kinds).toEqual(["decision"]);
  });
});
