// The committed migrations must build exactly the database schema.prisma describes. Prisma's own
// DDL for schema.prisma (migrate diff from empty) is applied to a second schema, and the catalogs
// of the two are compared; any drift fails with the differing lines.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "~/lib/database-url";
import { migrate } from "../../tools/db/migrator";
import { runPrismaCli } from "../../tools/db/prisma-cli";
import { dropSchema, withSchema } from "../support/database";
import { describeSchema } from "../support/schema-snapshot";

const base = process.env.DATABASE_URL!;
const suffix = Math.random().toString(16).slice(2, 8);
const migrated = `mig_${suffix}`;
const expected = `exp_${suffix}`;
let client: pg.Client;
let firstRun: Awaited<ReturnType<typeof migrate>>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: parseDatabaseUrl(base).connectionString });
  await client.connect();
  firstRun = await migrate(withSchema(base, migrated));
});

afterAll(async () => {
  await client.end();
  await dropSchema(base, migrated);
  await dropSchema(base, expected);
});

describe("committed migrations", () => {
  it("apply once, then are a no-op", async () => {
    expect(firstRun.applied.length).toBeGreaterThan(0);
    const second = await migrate(withSchema(base, migrated));
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(firstRun.applied);
  });

  it("record themselves in _prisma_migrations with Prisma's sha256 checksum", async () => {
    const rows = await client.query(`SELECT migration_name, checksum, finished_at FROM "${migrated}"."_prisma_migrations"`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("match schema.prisma exactly (no drift)", async () => {
    const ddl = runPrismaCli(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
    await client.query(`CREATE SCHEMA "${expected}"`);
    await client.query(`SET search_path TO "${expected}"`);
    await client.query(ddl);
    const [fromMigrations, fromModel] = [await describeSchema(client, migrated), await describeSchema(client, expected)];
    const missing = fromModel.filter((line) => !fromMigrations.includes(line));
    const extra = fromMigrations.filter((line) => !fromModel.includes(line));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(fromModel.length).toBeGreaterThan(50);
  }, 60_000);

  it("every domain table is keyed by shop", async () => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name NOT IN ('_prisma_migrations', 'shop')`,
      [migrated],
    );
    const withShop = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'shop'`,
      [migrated],
    );
    const keyed = new Set(withShop.rows.map((r) => r.table_name));
    expect(tables.rows.filter((t) => !keyed.has(t.table_name)).map((t) => t.table_name)).toEqual([]);
  });
});
