import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySimulator } from "./index";
import { at, gql, startTestSimulator } from "./test-support";

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

describe("Admin GraphQL endpoint fidelity", () => {
  let sim: ShopifySimulator;
  let token: string;
  let orderId: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    const shop = sim.createShop("fidelity.myshopify.com");
    orderId = shop.scenarios.paidByCard().id;
    token = sim.issueOfflineToken(shop.domain).accessToken;
  });
  afterAll(() => sim.close());

  it("answers 401 with Shopify's body for a missing or unknown token", async () => {
    for (const t of [undefined, "shpat_unknown"]) {
      const response = await gql(sim, t, "{ shop { id } }");
      expect(response.status).toBe(401);
      expect(response.body).toEqual(INVALID_TOKEN);
    }
  });

  it("rejects a field the schema does not have, in graphql-ruby's shape", async () => {
    const response = await gql(sim, token, `query Probe($id: ID!) { order(id: $id) { id colour } }`, { id: orderId });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      errors: [
        {
          message: "Field 'colour' doesn't exist on type 'Order'",
          locations: [{ line: 1, column: 45 }],
          path: ["query Probe", "order", "colour"],
          extensions: { code: "undefinedField", typeName: "Order", fieldName: "colour" },
        },
      ],
    });
  });

  it("rejects unknown and missing arguments", async () => {
    const unknown = await gql(sim, token, `{ order(id: "gid://shopify/Order/1", colour: 1) { id } }`);
    expect(at(unknown.body.errors, 0, "extensions", "code")).toBe("argumentNotAccepted");
    const missing = await gql(sim, token, `{ order { id } }`);
    expect(at(missing.body.errors, 0, "message")).toBe("Field 'order' is missing required arguments: id");
  });

  it("refuses a query whose requested cost exceeds 1,000 before running it", async () => {
    const response = await gql(sim, token, `{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }`);
    expect(at(response.body.errors, 0, "extensions", "code")).toBe("MAX_COST_EXCEEDED");
    expect(response.body.data).toBeUndefined();
  });

  it("requires first or last on connections", async () => {
    const response = await gql(sim, token, `{ orders { nodes { id } } }`);
    expect(at(response.body.errors, 0, "message")).toBe("you must provide one of first or last");
  });

  it("fails loudly on a mutation the simulator does not implement", async () => {
    const response = await gql(sim, token, `mutation { orderMarkAsPaid(input: { id: "${orderId}" }) { userErrors { message } } }`);
    expect(at(response.body.errors, 0, "message")).toBe("Shopify simulator does not implement Mutation.orderMarkAsPaid");
  });

  it("redacts protected customer fields below level 2", async () => {
    const query = `query($id: ID!) { order(id: $id) { email shippingAddress { name address1 phone city } customer { email tags } } }`;
    const full = await gql(sim, token, query, { id: orderId });
    expect(at(full.body.data, "order", "shippingAddress", "address1")).toBe("2 Trade Street");
    sim.shop("fidelity.myshopify.com").setProtectedDataLevel(1);
    const redacted = await gql(sim, token, query, { id: orderId });
    expect(at(redacted.body.data, "order")).toEqual({
      email: null,
      shippingAddress: { name: null, address1: null, phone: null, city: "Manchester" },
      customer: { email: null, tags: ["b2b", "b2b-trade"] },
    });
    sim.shop("fidelity.myshopify.com").setProtectedDataLevel(2);
  });
});
