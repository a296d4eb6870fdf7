import { describe, expect, it } from "vitest";
import type { OperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import type { FormEntries } from "./operations-settings-form";
import { readOperationsSettingsPage, saveOperationsSettings, type OperationsSettingsStore } from "./operations-settings.use-case";

const LEEDS = "11111111-1111-4111-8111-111111111111";

function fakes(stored: unknown = {}) {
  const shops = new Map<string, unknown>([["a.myshopify.com", stored]]);
  const store: OperationsSettingsStore = {
    read: async (shop) => (shops.has(shop) ? { settings: shops.get(shop) } : null),
    writeOperations: async (shop, operations: OperationsSettings) => {
      if (!shops.has(shop)) return false;
      shops.set(shop, { ...(shops.get(shop) as object), operations });
      return true;
    },
  };
  const connections = { list: async () => [{ id: LEEDS, name: "Mintsoft Leeds", provider: "mintsoft", enabled: true, createdAt: new Date(), hasCredentials: true }] };
  return { shops, deps: { store, connections } };
}

const valid: FormEntries = [
  ["notifyCustomer", "on"],
  ["statusTag", "on"],
  ["statusTagPrefix", "wh"],
  ["statusMetafieldKey", "loadbay.warehouse_status"],
  ["releasedNotSentMinutes", "45"],
  ["notDispatchedWorkingHours", "24"],
  ["workingDays", "1"],
  ["workingDays", "3"],
  ["workdayStart", "07:30"],
  ["workdayEnd", "16:00"],
  ["defaultCutOff", "13:00"],
  [`cutOff.${LEEDS}`, "15:00"],
  ["cutOff.22222222-2222-4222-8222-222222222222", "12:00"],
  ["cutOff.33333333-3333-4333-8333-333333333333", ""],
];
const withField = (name: string, value: string | null): FormEntries => [...valid.filter(([k]) => k !== name), ...(value === null ? [] : [[name, value] as [string, string]])];

describe("saveOperationsSettings", () => {
  it("stores every field beside the other settings, with cut-offs only for the shop's own connections", async () => {
    const { shops, deps } = fakes({ mapping: { facilities: [] } });
    const result = await saveOperationsSettings(deps, { shop: "a.myshopify.com", entries: valid });
    expect(result?.ok).toBe(true);
    expect(shops.get("a.myshopify.com")).toEqual({
      mapping: { facilities: [] },
      operations: {
        fulfilment: { notifyCustomer: true, statusTag: true, statusTagPrefix: "wh", statusMetafield: false, statusMetafieldKey: "loadbay.warehouse_status" },
        stuck: { releasedNotSentMinutes: 45, notDispatchedWorkingHours: 24, workingDays: [1, 3], workdayStart: "07:30", workdayEnd: "16:00", defaultCutOff: "13:00", cutOffTimes: { [LEEDS]: "15:00" } },
      },
    });
  });

  it.each([
    ["an empty number", "releasedNotSentMinutes", "", "Enter a whole number."],
    ["a fraction", "notDispatchedWorkingHours", "2.5", "Enter a whole number."],
    ["zero minutes", "releasedNotSentMinutes", "0", "Enter a whole number of at least 1."],
    ["too many hours", "notDispatchedWorkingHours", "501", "Enter a whole number of at most 500."],
    ["a time without minutes", "workdayStart", "8", "Enter a time as hours and minutes on a 24-hour clock, such as 14:30."],
    ["25 o'clock", "defaultCutOff", "25:00", "Enter a time as hours and minutes on a 24-hour clock, such as 14:30."],
    ["a tag prefix with capitals", "statusTagPrefix", "Warehouse", "Use 1 to 40 lower-case letters, digits and dashes, starting with a letter or a digit, such as warehouse."],
    ["a metafield key without namespace", "statusMetafieldKey", "status", "Write the metafield as namespace.key, such as loadbay.warehouse_status."],
    ["a connection's cut-off", `cutOff.${LEEDS}`, "3pm", "Enter a time as hours and minutes on a 24-hour clock, such as 14:30."],
  ])("rejects %s with a sentence on that field, and stores nothing", async (_name, field, value, sentence) => {
    const { shops, deps } = fakes();
    const result = await saveOperationsSettings(deps, { shop: "a.myshopify.com", entries: withField(field, value) });
    expect(result).toEqual({ ok: false, errors: { [field]: sentence } });
    expect(shops.get("a.myshopify.com")).toEqual({});
  });

  it("asks for at least one working day", async () => {
    const { deps } = fakes();
    const entries = valid.filter(([k]) => k !== "workingDays");
    expect(await saveOperationsSettings(deps, { shop: "a.myshopify.com", entries })).toEqual({ ok: false, errors: { workingDays: "Choose at least one working day." } });
  });

  it("reads unticked boxes as off", async () => {
    const { deps } = fakes();
    const result = await saveOperationsSettings(deps, { shop: "a.myshopify.com", entries: withField("notifyCustomer", null).filter(([k]) => k !== "statusTag") });
    expect(result?.ok && result.settings.fulfilment).toMatchObject({ notifyCustomer: false, statusTag: false, statusMetafield: false });
  });

  it("is null for an unknown shop", async () => {
    const { deps } = fakes();
    expect(await saveOperationsSettings(deps, { shop: "b.myshopify.com", entries: valid })).toBeNull();
  });
});

describe("readOperationsSettingsPage", () => {
  it("gives the defaults when nothing is stored, and the connections by name", async () => {
    const { deps } = fakes({ mapping: {} });
    const page = await readOperationsSettingsPage(deps, "a.myshopify.com");
    expect(page?.settings.stuck).toMatchObject({ releasedNotSentMinutes: 30, notDispatchedWorkingHours: 16, workingDays: [1, 2, 3, 4, 5], defaultCutOff: "14:00" });
    expect(page?.connections).toEqual([{ id: LEEDS, name: "Mintsoft Leeds" }]);
  });
});
