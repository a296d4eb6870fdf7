import { describe, expect, it } from "vitest";
import { mappingSettings } from "../../../test/support/factories/mapping-settings";
import { decodeCsv, describeCsvError, exportRows, importRows, requiredColumns, type CsvImport } from "./mapping-csv";
import { mappingSettingsSchema, type MappingSettings } from "./mapping-settings.schema";
import { MAPPING_TABLE_KINDS, TABLES, withTableRows, type MappingTableKind, type TableRef } from "./mapping-tables";

const BOM = "\uFEFF";

/** Settings with something awkward in every table: commas, quotes, line breaks, accents, lists. */
const tricky = (): MappingSettings =>
  mappingSettings({
    facilities: [
      { code: "LEEDS", name: "GXO Leeds, Unit 4", connectionId: "gxo", shopifyLocationId: "gid://shopify/Location/1" },
      { code: "MK", name: "Whistl “MK” Zürich", connectionId: "whistl", shopifyLocationId: "gid://shopify/Location/2" },
    ],
    routing: {
      defaultFacilityCode: "LEEDS",
      rules: [
        { name: "North, East", facilityCode: "MK", conditions: { country: ["GB", "IE"], postcodePrefix: ["LS", "BD1 2"], tag: ['say "now"'], postcodePattern: "^(LS|BD)\\d" } },
        { name: "", facilityCode: "LEEDS", conditions: { company: ["Acme, Ltd"], customerGroup: ["trade"], skuPrefix: ["BULK-"] } },
        { name: "Line\nbreak", facilityCode: "LEEDS" },
      ],
    },
    unitsOfMeasure: {
      rows: [
        { sku: "CASE-12-WIDGET", baseSku: "WIDGET-1", factor: 12 },
        { variantId: "gid://shopify/ProductVariant/99", baseSku: "WIDGET-1", factor: 6 },
        { sku: "Crème, brûlée", variantId: "123", baseSku: "CB", factor: 100000 },
      ],
    },
    connections: [
      {
        connectionId: "gxo",
        name: "GXO Leeds",
        serviceCodes: { rows: [{ matchOn: "title", value: "Express, B2B", serviceCode: "NDAY" }, { matchOn: "carrier", value: "DPD", serviceCode: "DPD;1" }] },
        sku: { aliases: [{ sku: "AB 1", warehouseSku: "AB1" }, { sku: "É-1", warehouseSku: "E-1" }] },
      },
    ],
  });

const refOf = (kind: MappingTableKind): TableRef => ({ kind, connectionId: TABLES[kind].perConnection ? "gxo" : null });

function rows(result: CsvImport) {
  if (!result.ok) throw new Error(`import failed: ${result.errors.map(describeCsvError).join(" | ")}`);
  return result.rows;
}

const errors = (result: CsvImport) => (result.ok ? [] : result.errors.map(describeCsvError));

describe("CSV round trip", () => {
  it.each(MAPPING_TABLE_KINDS)("export, import, export gives identical bytes for %s", (kind) => {
    const settings = tricky();
    const ref = refOf(kind);
    const first = exportRows(ref, settings);
    const imported = rows(importRows(kind, first));
    const second = exportRows(ref, mappingSettingsSchema.parse(withTableRows(settings, ref, imported)));
    expect(second).toBe(first);
    expect(imported).toHaveLength((TABLES[kind].perConnection ? 2 : 3) - (kind === "facilities" ? 1 : 0));
  });

  it("writes a BOM, CRLF, the field names as headers, ';' lists and quotes only where needed", () => {
    const csv = exportRows(refOf("routing-rules"), tricky());
    expect(csv.startsWith(`${BOM}name,facilityCode,country,postcodePrefix,postcodePattern,customerGroup,company,tag,skuPrefix\r\n`)).toBe(true);
    expect(csv).toContain(`"North, East",MK,GB;IE,LS;BD1 2,^(LS|BD)\\d,,,"say ""now""",\r\n`);
    expect(csv).toContain(`"Line\nbreak",LEEDS,,,,,,,\r\n`);
  });

  it("exports an empty table as its header alone, and importing that empties the table", () => {
    const csv = exportRows({ kind: "sku-aliases", connectionId: "nobody" }, tricky());
    expect(csv).toBe(`${BOM}sku,warehouseSku\r\n`);
    expect(rows(importRows("sku-aliases", csv))).toEqual([]);
  });

  it("keeps a value that contains the list separator in a single-value cell", () => {
    const csv = exportRows(refOf("service-codes"), tricky());
    expect(csv).toContain("carrier,DPD,DPD;1\r\n");
    expect(rows(importRows("service-codes", csv))[1]).toEqual({ matchOn: "carrier", value: "DPD", serviceCode: "DPD;1" });
  });
});

describe("CSV import of what spreadsheets produce", () => {
  it("reads Excel's UTF-8 CSV: BOM, CRLF, quoted commas", () => {
    const csv = `${BOM}sku,variantId,baseSku,factor\r\n"CASE, 12",,WIDGET-1,12\r\n`;
    expect(rows(importRows("units-of-measure", csv))).toEqual([{ sku: "CASE, 12", variantId: null, baseSku: "WIDGET-1", factor: 12 }]);
  });

  it("reads ';' as the delimiter when the header says so (Excel in European locales), lists quoted", () => {
    const csv = `name;facilityCode;country\r\nNorth;leeds;"uk;ie"\r\n`;
    expect(rows(importRows("routing-rules", csv))[0]).toMatchObject({ name: "North", facilityCode: "LEEDS", conditions: { country: ["GB", "IE"] } });
  });

  it("skips blank lines and rows of empty cells, and still numbers rows as the spreadsheet does", () => {
    const csv = "sku,baseSku,factor\n\nCASE-6,W,6\n,,\n\nCASE-0,W,0\n";
    expect(errors(importRows("units-of-measure", csv))).toEqual(["Row 6, factor: “0” is too small: use at least 1."]);
    expect(rows(importRows("units-of-measure", "sku,baseSku,factor\n\nCASE-6,W,6\n,,\n"))).toHaveLength(1);
  });

  it("takes headers in any order and case, and leaves out optional columns", () => {
    const csv = "FACTOR, BaseSku ,sku\n6,W,CASE-6\n";
    expect(rows(importRows("units-of-measure", csv))).toEqual([{ sku: "CASE-6", variantId: null, baseSku: "W", factor: 6 }]);
  });

  it("refuses unknown, missing and repeated columns, naming them", () => {
    expect(errors(importRows("units-of-measure", "sku,baseSku,factor,colour\nA,B,1,red\n"))).toEqual([
      "Row 1: “colour” is not a column of units of measure. The columns are: sku, variantId, baseSku, factor.",
    ]);
    expect(errors(importRows("units-of-measure", "sku,baseSku\nA,B\n"))).toEqual(["Row 1, factor: The column factor is missing; units of measure need it."]);
    expect(errors(importRows("sku-aliases", "sku,sku,warehouseSku\nA,A,B\n"))).toEqual(["Row 1, sku: The column sku appears 2 times."]);
  });

  it("lists every bad row with its row number and a sentence, and returns no rows", () => {
    const csv = ["sku,variantId,baseSku,factor", "CASE-6,,W,6", "CASE-X,,W,twelve", ",,W,2", "CASE-H,,W,1.5", "CASE-E,,,3", "CASE-B,,W,200000", "CASE-Z,,W,1,extra"].join("\n");
    const result = importRows("units-of-measure", csv);
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      "Row 3, factor: “twelve” is not a number.",
      "Row 4, sku: Give a SKU or a variant id.",
      "Row 5, factor: “1.5” is not a whole number.",
      "Row 6, baseSku: This cannot be empty.",
      "Row 7, factor: “200000” is too large: use at most 100000.",
      "Row 8: This row has more cells than the 4 columns of the header.",
    ]);
  });

  it("names the bad value inside a list cell", () => {
    expect(errors(importRows("routing-rules", "facilityCode,country\nLEEDS,GB;Great Britain\nLE EDS,\n"))).toEqual([
      "Row 2, country: “Great Britain” is not a two-letter country code.",
      "Row 3, facilityCode: “LE EDS” is not 1 to 12 letters, digits or dashes.",
    ]);
    expect(errors(importRows("service-codes", "matchOn,value,serviceCode\nzone,X,Y\n"))).toEqual(["Row 2, matchOn: “zone” is not one of: title, code, carrier."]);
  });

  it("says where a file is not CSV at all", () => {
    expect(errors(importRows("sku-aliases", 'sku,warehouseSku\nA,B\n"C,D\n'))).toEqual(["Row 3: The file cannot be read as CSV here: a quoted cell is never closed."]);
    expect(errors(importRows("sku-aliases", ""))).toEqual(["Row 1: The file is empty. It needs a header row with the column names."]);
  });

  it("decodes UTF-8 and Excel's legacy Windows-1252 CSV, keeping accents", () => {
    const utf8 = new TextEncoder().encode(`${BOM}sku,warehouseSku\r\nCrème,CREME\r\n`);
    expect(rows(importRows("sku-aliases", decodeCsv(utf8)))).toEqual([{ sku: "Crème", warehouseSku: "CREME" }]);
    const cp1252 = Uint8Array.from([..."sku,warehouseSku\r\nCr"].map((c) => c.charCodeAt(0)).concat([0xe8], [..."me,CREME\r\n"].map((c) => c.charCodeAt(0))));
    expect(rows(importRows("sku-aliases", decodeCsv(cp1252)))).toEqual([{ sku: "Crème", warehouseSku: "CREME" }]);
  });

  it("requires the columns without a default", () => {
    expect(Object.fromEntries(MAPPING_TABLE_KINDS.map((k) => [k, requiredColumns(k)]))).toEqual({
      facilities: ["code", "name", "connectionId", "shopifyLocationId"],
      "routing-rules": ["facilityCode"],
      "units-of-measure": ["baseSku", "factor"],
      "service-codes": ["value", "serviceCode"],
      "sku-aliases": ["sku", "warehouseSku"],
    });
  });
});
