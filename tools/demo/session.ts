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
