// Adding a warehouse connection on PostgreSQL: a Whistl connection arrives with Whistl's rules in the
// mapping settings (next to what the merchant already set), and a plain CSV connection with none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS } from "~/connectors/providers.server";
import { createSecretBox } from "~/lib/crypto.server";
import { createConnection } from "~/modules/connections/create-connection.use-case";
import { parseMappingSettings } from "~/modules/mapping/mapping-settings.schema";
import { PrismaConnectionRepository } from "~/persistence/connections.repo.server";
import { PrismaMappingSettingsStore } from "~/persistence/mapping-settings.repo.server";
import { mappingSettingsInput } from "../support/factories/mapping-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_ENV } from "../support/test-env";

const SHOP = "connections.myshopify.com";
let database: TestDatabase;
const form = {
  host: "sftp.example", username: "loadbay", password: "secret", hostKeyFingerprint: "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  facilityCode: "WHI", ordersFolder: "/in", dispatchFolder: "/out",
};

beforeAll(async () => {
  database = await createTestDatabase("create_connection");
  await database.db.shop.create({ data: { domain: SHOP, settings: JSON.parse(JSON.stringify({ mapping: mappingSettingsInput() })) } });
});
afterAll(() => database?.drop());

const stored = async () => {
  const shop = await database.db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
  return parseMappingSettings((shop.settings as { mapping?: unknown }).mapping);
};

const deps = () => ({
  connections: new PrismaConnectionRepository(database.db, createSecretBox(TEST_ENV.ENCRYPTION_KEY)),
  providers: PROVIDERS,
  mappingSettings: new PrismaMappingSettingsStore(database.db),
});

describe("adding a warehouse connection", () => {
  it("gives a Whistl connection Whistl's rules and keeps the other connections' profiles", async () => {
    const result = await createConnection(deps(), { shop: SHOP, form: { ...form, provider: "whistl", name: "Whistl Doncaster" } });
    expect(result).toMatchObject({ created: "Whistl Doncaster" });
    const id = "connectionId" in result ? result.connectionId : "";
    const settings = await stored();
    const profiles = settings.ok ? settings.value.connections : [];
    expect(profiles.map((p) => p.connectionId)).toEqual(["gxo", "whistl", id]);
    expect(profiles.at(-1)).toMatchObject({ name: "Whistl Doncaster", requiredFields: { phone: true, poNumber: true }, sku: { allowedCharacters: "A-Za-z0-9" } });
  });

  it("gives a plain CSV connection no profile (the defaults apply)", async () => {
    const result = await createConnection(deps(), { shop: SHOP, form: { ...form, provider: "csv_sftp", name: "Other 3PL" } });
    expect(result).toMatchObject({ created: "Other 3PL" });
    const settings = await stored();
    expect(settings.ok && settings.value.connections.length).toBe(3);
  });

  it("refuses a name that is taken, and adds nothing", async () => {
    expect(await createConnection(deps(), { shop: SHOP, form: { ...form, provider: "whistl", name: "Whistl Doncaster" } })).toEqual({ errors: { name: "A connection with this name exists already." } });
    expect(await database.db.warehouseConnection.count({ where: { shop: SHOP } })).toBe(2);
  });
});
