// Every Admin GraphQL document the app sends: `#graphql` template literals and .graphql files under
// app/ (tests excluded), validated against Shopify's schema. Used by the fidelity test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, validate, type GraphQLSchema } from "graphql";

export interface AppDocument {
  file: string;
  source: string;
}

export function collectDocuments(root: string): AppDocument[] {
  const documents: AppDocument[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|graphql|gql)$/.test(name) && !/\.(test|spec)\./.test(name)) documents.push(...fromFile(root, path));
    }
  };
  walk(root);
  return documents;
}

function fromFile(root: string, path: string): AppDocument[] {
  const text = readFileSync(path, "utf8");
  const file = relative(root, path);
  if (/\.(graphql|gql)$/.test(path)) return [{ file, source: text }];
  return [...text.matchAll(/`\s*#graphql([\s\S]*?)`/g)].map((m) => ({ file, source: m[1]! }));
}

/** The problems in each document; an interpolated document cannot be checked and is itself a problem. */
export function documentProblems(schema: GraphQLSchema, doc: AppDocument): string[] {
  if (doc.source.includes("${")) return [`${doc.file}: interpolated document; compose with variables or fragments instead`];
  try {
    return validate(schema, parse(doc.source)).map((e) => `${doc.file}: ${e.message}`);
  } catch (error) {
    return [`${doc.file}: ${(error as Error).message}`];
  }
}
