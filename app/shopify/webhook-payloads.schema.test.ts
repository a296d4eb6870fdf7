import { describe, expect, it } from "vitest";
import { HANDLED_TOPICS, parseWebhookPayload } from "./webhook-payloads.schema";

const order = { id: 820982911946154500, admin_graphql_api_id: "gid://shopify/Order/820982911946154500", name: "#1001", updated_at: "2026-11-20T10:00:00-05:00", cancelled_at: null, line_items: [] };

describe("webhook payloads", () => {
  it.each([
    ["orders/create", order, { type: "order-changed", shopifyOrderId: "gid://shopify/Order/820982911946154500", name: "#1001" }],
    ["orders/updated", { ...order, id: "42", admin_graphql_api_id: undefined }, { type: "order-changed", shopifyOrderId: "gid://shopify/Order/42" }],
    ["orders/cancelled", { ...order, cancelled_at: "2026-11-21T09:00:00Z" }, { type: "order-cancelled" }],
    ["orders/edited", { order_edit: { id: 1, order_id: 77 } }, { type: "order-changed", shopifyOrderId: "gid://shopify/Order/77" }],
    ["refunds/create", { id: 9, order_id: 77 }, { type: "refund-created", shopifyOrderId: "gid://shopify/Order/77" }],
    ["draft_orders/create", { id: 5, name: "#D5", order_id: null }, { type: "draft-changed", shopifyDraftOrderId: "gid://shopify/DraftOrder/5", completedOrderId: null }],
    ["draft_orders/update", { id: 5, name: "#D5", order_id: 88 }, { type: "draft-changed", completedOrderId: "gid://shopify/Order/88" }],
    ["draft_orders/delete", { id: 5 }, { type: "draft-deleted", shopifyDraftOrderId: "gid://shopify/DraftOrder/5" }],
    ["app/uninstalled", { id: 1, domain: "x" }, { type: "app-uninstalled" }],
    ["shop/redact", { shop_id: 1, shop_domain: "a.myshopify.com" }, { type: "shop-redact" }],
    ["customers/redact", { customer: { id: 3 }, orders_to_redact: [1, 2] }, { type: "customer-redact", shopifyOrderIds: ["gid://shopify/Order/1", "gid://shopify/Order/2"] }],
    ["customers/data_request", { customer: { id: 3 }, orders_requested: [4] }, { type: "customer-data-request", customerId: "gid://shopify/Customer/3" }],
  ])("%s becomes the right event", (topic, body, expected) => {
    const parsed = parseWebhookPayload(topic, body);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event).toMatchObject(expected);
  });

  it("keeps a large order id exact by preferring admin_graphql_api_id over the numeric id", () => {
    const parsed = parseWebhookPayload("orders/create", { ...order, id: 9007199254740992, admin_graphql_api_id: "gid://shopify/Order/9007199254740993" });
    expect(parsed.ok && parsed.event).toMatchObject({ shopifyOrderId: "gid://shopify/Order/9007199254740993" });
  });

  it("rejects a body without the fields Loadbay needs, naming them", () => {
    const parsed = parseWebhookPayload("orders/create", { id: 1 });
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.reason).toMatch(/orders\/create webhook body .*name/);
  });

  it("rejects a topic Loadbay does not subscribe to", () => {
    expect(parseWebhookPayload("products/update", {})).toMatchObject({ ok: false, reason: expect.stringMatching(/does not handle/) });
  });

  it("handles every subscribed topic", () => {
    expect(HANDLED_TOPICS.sort()).toEqual(
      [
        "app/uninstalled", "customers/data_request", "customers/redact", "draft_orders/create", "draft_orders/delete",
        "draft_orders/update", "orders/cancelled", "orders/create", "orders/edited", "orders/updated", "refunds/create", "shop/redact",
      ].sort(),
    );
  });
});
