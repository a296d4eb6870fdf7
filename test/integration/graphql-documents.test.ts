// Fidelity: every Admin GraphQL document under app/ validates against Shopify's 2026-07 schema, so a
// misspelt field fails the suite before it fails in a merchant's shop.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectDocuments, documentProblems } from "../../tools/graphql/app-documents";
import { loadSchema } from "../../tools/shopify-sim/schema/load-schema";

const { schema } = loadSchema();
const APP = join(import.meta.dirname, "..", "..", "app");

describe("Admin GraphQL documents in app/", () => {
  const documents = collectDocuments(APP);

  it("are all valid against the schema", () => {
    expect(documents.length).toBeGreaterThanOrEqual(8); // order reads, pages, sweep, holds, releases
    expect(documents.flatMap((d) => documentProblems(schema, d))).toEqual([]);
  });

  it("a misspelt field is caught by the same check", () => {
    const problems = documentProblems(schema, { file: "probe.ts", source: "query Probe { shop { nmae } }" });
    expect(problems).toEqual([expect.stringContaining(`Cannot query field "nmae" on type "Shop"`)]);
  });

  it("an interpolated document is refused (it could not be checked)", () => {
    expect(documentProblems(schema, { file: "probe.ts", source: "query { ${x} }" })).toHaveLength(1);
  });
});
