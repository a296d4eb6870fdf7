// Stores the simulator's offline token as the app's session storage would (shopify-api's offline
// session id), so the worker can call the Admin API for the demo shop.
import pg from "pg";
import { parseDatabaseUrl } from "../../app/lib/database-url";

export async function storeOfflineSession(
  databaseUrl: string,
  shop: string,
  tokens: { accessToken: string; scope: string; expiresAt?: Date; refreshToken?: string; refreshTokenExpiresAt?: Date },
): Promise<void> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO session (id, shop, state, "isOnline", scope, "accessToken", expires, "refreshToken", "refreshTokenExpires")
       VALUES ($1, $2, '', false, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET scope = $3, "accessToken" = $4, expires = $5, "refreshToken" = $6, "refreshTokenExpires" = $7`,
      [`offline_${shop}`, shop, tokens.scope, tokens.accessToken, tokens.expiresAt ?? null, tokens.refreshToken ?? null, tokens.refreshTokenExpiresAt ?? null],
    );
    await client.query(`INSERT INTO shop (domain, "updatedAt") VALUES ($1, now()) ON CONFLICT (domain) DO NOTHING`, [shop]);
  } finally {
    await client.end();
  }
}

/**
 * A warehouse connection, one facility and a small mapping for the demo shop, so released orders map
 * to warehouse orders; the unmapped shipping method and SKU oddities still raise exceptions to show.
 */
export async function seedDemoMapping(
  databaseUrl: string,
  shop: string,
  locationId: string,
  warehouse: { config: Record<string, unknown>; sealedSecrets: string; provider?: string; name?: string },
): Promise<void> {
  const name = warehouse.name ?? "Demo 3PL (Mintsoft)";
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>(`SELECT id FROM warehouse_connection WHERE shop = $1 AND name = $2`, [shop, name]);
    const connectionId =
      existing.rows[0]?.id ??
      (
        await client.query<{ id: string }>(
          `INSERT INTO warehouse_connection (id, shop, name, provider, config, secrets, "updatedAt")
           VALUES (gen_random_uuid(), $1, $4, $5, $2::jsonb, $3, now()) RETURNING id`,
          [shop, JSON.stringify(warehouse.config), warehouse.sealedSecrets, name, warehouse.provider ?? "mintsoft"],
        )
      ).rows[0]!.id;
    const mapping = {
      facilities: [{ code: "LEEDS", name: "Demo 3PL Leeds", connectionId, shopifyLocationId: locationId }],
      routing: { defaultFacilityCode: "LEEDS", onLocationMismatch: "exception" },
      unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", variantId: null, baseSku: "WIDGET-BLUE", factor: 12 }] },
      connections: [{ connectionId, name: "Demo 3PL", serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }] } }],
    };
    // The demo sends for real (to the warehouse simulator): dry run off.
    await client.query(`UPDATE shop SET settings = jsonb_set(settings::jsonb, '{mapping}', $2::jsonb), "dryRun" = false, "updatedAt" = now() WHERE domain = $1`, [
      shop,
      JSON.stringify(mapping),
    ]);
  } finally {
    await client.end();
  }
}

/** The simulator starts empty on every run, so the demo shop's rows from an earlier run are removed. */
export async function resetDemoShop(databaseUrl: string, shop: string): Promise<void> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    await client.query(`DELETE FROM session WHERE shop = $1`, [shop]);
    await client.query(`DELETE FROM shop WHERE domain = $1`, [shop]); // cascades to everything the shop owns
  } finally {
    await client.end();
  }
}
