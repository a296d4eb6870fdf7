import { describe, expect, it } from "vitest";
import { fulfilmentSettingsSchema } from "./operations-settings.schema";
import { planStatusWrite, warehouseStatusOf } from "./warehouse-status";

const settings = (patch: object) => fulfilmentSettingsSchema.parse(patch);

describe("warehouseStatusOf", () => {
  it.each([
    ["in_fulfilment", null, "at-warehouse"],
    ["partially_shipped", "at-warehouse", "partially-shipped"],
    ["shipped", "partially-shipped", "shipped"],
    ["held", null, null],
    ["released", null, null],
    ["cancelled", null, null],
    ["cancelled", "at-warehouse", "cancelled"],
  ])("%s (written %s) → %s", (state, written, status) => expect(warehouseStatusOf(state, written)).toBe(status));
});

describe("planStatusWrite", () => {
  it.each([
    {
      name: "first status as a tag",
      settings: settings({ statusTag: true, statusMetafield: false }),
      written: null,
      status: "at-warehouse" as const,
      write: { status: "at-warehouse", tagsAdd: ["warehouse-at-warehouse"], tagsRemove: [], metafield: null },
    },
    {
      name: "a change swaps the tag and sets the metafield",
      settings: settings({ statusTag: true, statusMetafield: true, statusTagPrefix: "wms", statusMetafieldKey: "ops.wms_status" }),
      written: "at-warehouse",
      status: "shipped" as const,
      write: { status: "shipped", tagsAdd: ["wms-shipped"], tagsRemove: ["wms-at-warehouse"], metafield: { namespace: "ops", key: "wms_status", value: "shipped" } },
    },
    { name: "no change", settings: settings({ statusTag: true }), written: "shipped", status: "shipped" as const, write: null },
    { name: "nothing to show", settings: settings({ statusTag: true }), written: null, status: null, write: null },
    { name: "off by default", settings: settings({}), written: null, status: "at-warehouse" as const, write: null },
    { name: "both switched off", settings: settings({ statusTag: false, statusMetafield: false }), written: null, status: "shipped" as const, write: null },
  ])("$name", ({ settings: s, written, status, write }) => expect(planStatusWrite(s, written, status)).toEqual(write));
});
