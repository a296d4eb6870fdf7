// The layer rule in eslint.config.js must fire: each fixture breaks one boundary and is linted as
// if it lived where its first line says. A clean fixture proves the rule is not firing on everything.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "lint");
const eslint = new ESLint({ cwd: join(import.meta.dirname, "..", "..") });

async function lintFixture(file: string) {
  const code = readFileSync(join(FIXTURES, file), "utf8");
  const virtualPath = /lint-as: (\S+)/.exec(code)?.[1];
  if (!virtualPath) throw new Error(`${file} has no lint-as line`);
  const [result] = await eslint.lintText(code, { filePath: virtualPath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports");
}

describe("import boundaries", () => {
  const violating = readdirSync(FIXTURES).filter((f) => f !== "module-clean.ts");

  it.each(violating)("%s is reported", async (file) => {
    const messages = await lintFixture(file);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]!.message).toMatch(/imports point down|app\/modules|routes and processors/);
  });

  it("a module importing its own ports is clean", async () => {
    expect(await lintFixture("module-clean.ts")).toEqual([]);
  });
});
