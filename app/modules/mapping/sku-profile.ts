// The warehouse's SKU rules: alias table first (chains followed, loops refused), then case, then the
// allowed characters (stripped or refused, as the profile says), then the maximum length. Too long is
// always refused: cutting a SKU short could name another product.
import type { SkuProfile } from "./mapping-settings.schema";
import { mappingProblem, quoted, type MappingProblem, type Where } from "./mapping-problem";
import { lookupKey } from "./patterns";
import { resolveAliases, type AliasTarget } from "./sku-aliases";

export interface CompiledSkuProfile {
  profile: SkuProfile;
  aliases: Map<string, AliasTarget>;
  allowedOnly: RegExp;
  disallowed: RegExp;
}

export function compileSkuProfile(profile: SkuProfile): CompiledSkuProfile {
  return {
    profile,
    aliases: resolveAliases(profile.aliases),
    allowedOnly: new RegExp(`^[${profile.allowedCharacters}]*$`, "u"),
    disallowed: new RegExp(`[^${profile.allowedCharacters}]`, "gu"),
  };
}

export type SkuOutcome =
  | { ok: true; sku: string; /** after aliases, before case and characters: what collisions compare */ beforeSanitise: string }
  | { ok: false; reason: "alias-loop"; cycle: string[] }
  | { ok: false; reason: "characters"; characters: string[] }
  | { ok: false; reason: "empty" | "too-long"; sku: string };

export function warehouseSku(sku: string, compiled: CompiledSkuProfile): SkuOutcome {
  const alias = compiled.aliases.get(lookupKey(sku));
  if (alias && "cycle" in alias) return { ok: false, reason: "alias-loop", cycle: alias.cycle };
  const aliased = alias ? alias.sku : sku.trim();
  const { profile } = compiled;
  const cased = profile.case === "upper" ? aliased.toUpperCase() : profile.case === "lower" ? aliased.toLowerCase() : aliased;
  let clean = cased;
  if (!compiled.allowedOnly.test(cased)) {
    if (profile.mode === "reject") return { ok: false, reason: "characters", characters: [...new Set(cased.match(compiled.disallowed))] };
    clean = cased.replace(compiled.disallowed, "");
  }
  if (!clean) return { ok: false, reason: "empty", sku: cased };
  if (clean.length > profile.maxLength) return { ok: false, reason: "too-long", sku: clean };
  return { ok: true, sku: clean, beforeSanitise: aliased };
}

/** Warehouse SKUs for one warehouse order, in line order, or every problem with them. */
export function warehouseSkus(
  skus: string[],
  compiled: CompiledSkuProfile,
  where: Where,
): { skus: string[]; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const origin = new Map<string, string>();
  const result = skus.map((sku) => {
    const outcome = warehouseSku(sku, compiled);
    if (!outcome.ok) {
      problems.push(invalidSku(sku, outcome, compiled.profile, where));
      return "";
    }
    const earlier = origin.get(outcome.sku);
    if (earlier !== undefined && earlier !== outcome.beforeSanitise) problems.push(collision([earlier, outcome.beforeSanitise], outcome.sku, where));
    origin.set(outcome.sku, outcome.beforeSanitise);
    return outcome.sku;
  });
  return { skus: result, problems };
}

type Refusal = Exclude<SkuOutcome, { ok: true }>;

function invalidSku(sku: string, outcome: Refusal, profile: SkuProfile, where: Where): MappingProblem {
  const subject = `${where.connectionId}:${sku}`;
  const detail = { ...outcome, sku, allowedCharacters: profile.allowedCharacters, mode: profile.mode };
  return mappingProblem("invalid-sku", { orderNumber: where.orderNumber, subject }, refusalMessage(sku, outcome, profile, where.warehouse), detail);
}

function refusalMessage(sku: string, outcome: Refusal, profile: SkuProfile, warehouse: string): string {
  const fix = "Add an alias for it in the SKU profile, or change the SKU, then retry.";
  switch (outcome.reason) {
    case "alias-loop":
      return `The SKU aliases for ${quoted(sku)} go round in a loop (${outcome.cycle.join(" → ")}). Correct the alias table, then retry.`;
    case "characters":
      return `SKU ${quoted(sku)} has characters ${warehouse} does not accept: ${outcome.characters.map(quoted).join(", ")}. ${fix}`;
    case "empty":
      return `SKU ${quoted(sku)} has no characters ${warehouse} accepts. ${fix}`;
    case "too-long":
      return `SKU ${quoted(outcome.sku)} is ${outcome.sku.length} characters long; ${warehouse} takes at most ${profile.maxLength}. ${fix}`;
  }
}

function collision(sources: [string, string], sku: string, where: Where): MappingProblem {
  const [a, b] = sources;
  return mappingProblem(
    "sku-collision",
    { orderNumber: where.orderNumber, subject: `${where.connectionId}:${sku}` },
    `SKUs ${quoted(a)} and ${quoted(b)} both become ${quoted(sku)} for ${where.warehouse}, so the warehouse could not tell them apart. Add an alias for one of them in the SKU profile, then retry.`,
    { sources, warehouseSku: sku, connectionId: where.connectionId },
  );
}
