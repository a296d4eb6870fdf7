import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type ShopifySimulator } from "./index";
import { API_KEY, API_SECRET, gql, startTestSimulator } from "./test-support";

const DOMAIN = "tokens.myshopify.com";

async function tokenRequest(sim: ShopifySimulator, body: Record<string, string>, form = false) {
  const response = await fetch(`${sim.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json", Accept: "application/json" },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refresh = (sim: ShopifySimulator, token: unknown) =>
  tokenRequest(sim, { client_id: API_KEY, client_secret: API_SECRET, grant_type: "refresh_token", refresh_token: String(token) });

describe("offline tokens: exchange, expiry and rotating refresh", () => {
  const clock = manualClock();
  let sim: ShopifySimulator;

  beforeAll(async () => {
    sim = await startTestSimulator({ clock });
    sim.createShop(DOMAIN);
  });
  afterAll(() => sim.close());

  const exchange = (form = false) =>
    tokenRequest(
      sim,
      {
        client_id: API_KEY,
        client_secret: API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: sim.sessionToken(DOMAIN),
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        expiring: "1",
      },
      form,
    );

  it("exchanges a session token for an expiring offline token that expires and is refreshed with rotation", async () => {
    const issued = await exchange();
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000, scope: expect.stringContaining("write_inventory") });
    const r0 = issued.body.refresh_token;
    expect((await gql(sim, String(issued.body.access_token), "{ shop { id } }")).status).toBe(200);

    clock.advance(3600_000);
    expect((await gql(sim, String(issued.body.access_token), "{ shop { id } }")).status).toBe(401);

    const first = await refresh(sim, r0);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(r0);
    expect((await gql(sim, String(first.body.access_token), "{ shop { id } }")).status).toBe(200);

    // The response was "lost": the previous refresh token still works until its replacement is used.
    const retried = await refresh(sim, r0);
    expect(retried.status).toBe(200);
    expect((await refresh(sim, first.body.refresh_token)).body).toMatchObject({ error: "invalid_grant" });

    const next = await refresh(sim, retried.body.refresh_token);
    expect(next.status).toBe(200);
    const reused = await refresh(sim, r0);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ error: "invalid_grant", error_description: "The refresh token is invalid, expired or revoked." });
  });

  it("accepts form-encoded bodies and rejects bad clients, bad session tokens and expired refresh tokens", async () => {
    const issued = await exchange(true);
    expect(issued.status).toBe(200);
    const wrongSecret = await tokenRequest(sim, { client_id: API_KEY, client_secret: "nope", grant_type: "refresh_token", refresh_token: String(issued.body.refresh_token) });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe("invalid_client");
    const forged = await tokenRequest(sim, {
      client_id: API_KEY,
      client_secret: API_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: `${sim.sessionToken(DOMAIN)}x`,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    });
    expect(forged).toMatchObject({ status: 400, body: { error: "invalid_subject_token" } });
    clock.advance(91 * 24 * 3600_000);
    expect(await refresh(sim, issued.body.refresh_token)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("revokes every token when the app is uninstalled", async () => {
    const { accessToken } = sim.issueOfflineToken(DOMAIN);
    expect((await gql(sim, accessToken, "{ shop { id } }")).status).toBe(200);
    sim.shop(DOMAIN).uninstall();
    expect((await gql(sim, accessToken, "{ shop { id } }")).status).toBe(401);
  });
});
