// The exception queue end to end: an order Shopify redacts raises a protected-data exception that
// names the missing access; once access is granted, "retry all" of that kind evaluates the order
// again, the exception resolves and the order moves on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "exceptions-e2e.myshopify.com";
let app: RunningApp;
let shop: SimShop;
let appUrl: string;

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("exceptions", SHOP));
}, 120_000);
afterAll(() => app.stop());

describe("exception queue", () => {
  it("shows a redacted order's exception with what to do, and retry by kind clears it once fixed", async () => {
    shop.setProtectedDataLevel(1);
    const order = shop.scenarios.paidByCard();
    const exception = await waitFor(
      () => app.db.exceptionRecord.findFirst({ where: { shop: SHOP, kind: "protected-data" } }),
      (e) => e !== null,
      30_000,
      "the protected-data exception",
    );
    expect(exception?.message).toMatch(/protected customer data access \(level 2/);
    const row = await app.db.order.findFirstOrThrow({ where: { shop: SHOP, shopifyOrderId: order.id } });
    expect(row.state).toBe("received"); // never released half-empty

    const page = await (await fetch(`${appUrl}/app/exceptions?kind=protected-data`)).text();
    expect(page).toContain("protected customer data access");
    expect(page).toContain(row.name);

    shop.setProtectedDataLevel(2);
    const res = await fetch(`${appUrl}/app/exceptions?kind=protected-data`, {
      method: "POST",
      body: new URLSearchParams({ intent: "retry-kind", kind: "protected-data" }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => app.db.order.findFirstOrThrow({ where: { id: row.id } }), (o) => o.state === "released", 30_000, "the order to be released");
    expect(await app.db.exceptionRecord.findFirst({ where: { id: exception!.id } })).toMatchObject({ status: "resolved" });
    const retried = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: row.id, kind: "manual" } });
    expect(retried.map((e) => e.message)).toEqual([expect.stringMatching(/Retry requested/)]);
  }, 60_000);
});
