// Which facility each line goes to. Rules are tried in order and the first that matches wins, then the
// default. Most conditions concern the whole order and are checked once per order; a SKU prefix then
// picks the lines a rule takes, which is how one order splits across facilities.
import type { OrderFacts } from "~/modules/orders/order-facts";
import type { RoutingRule } from "./mapping-rows.schema";
import type { MappingSettings } from "./mapping-settings.schema";
import { compilePattern, lookupKey } from "./patterns";
import { compilePostcodePrefix, postcodeView, type PostcodePrefix, type PostcodeView } from "./postcode";

interface CompiledRule {
  index: number;
  facilityCode: string;
  countries: Set<string> | null;
  postcodePrefixes: PostcodePrefix[] | null;
  postcodePattern: RegExp | null;
  groups: Set<string> | null;
  companies: Set<string> | null;
  tags: Set<string> | null;
  skuPrefixes: string[] | null;
}

export interface CompiledRouting {
  rules: CompiledRule[];
  defaultFacilityCode: string | null;
}

/** Where a line goes and why (rule index, or "default"), for the timeline and tests. */
export interface Route {
  facilityCode: string;
  rule: number | "default";
}

interface OrderView {
  country: string | null;
  postcode: PostcodeView | null;
  group: string | null;
  companies: string[];
  tags: string[];
}

const keySet = (values: string[]) => (values.length ? new Set(values.map(lookupKey)) : null);

export function compileRouting(routing: MappingSettings["routing"]): CompiledRouting {
  return { rules: routing.rules.map(compileRule), defaultFacilityCode: routing.defaultFacilityCode };
}

function compileRule(rule: RoutingRule, index: number): CompiledRule {
  const c = rule.conditions;
  return {
    index,
    facilityCode: rule.facilityCode,
    countries: keySet(c.country),
    postcodePrefixes: c.postcodePrefix.length ? c.postcodePrefix.map(compilePostcodePrefix) : null,
    postcodePattern: c.postcodePattern === null ? null : compilePattern(c.postcodePattern),
    groups: keySet(c.customerGroup),
    companies: keySet(c.company),
    tags: keySet(c.tag),
    skuPrefixes: c.skuPrefix.length ? c.skuPrefix.map(lookupKey) : null,
  };
}

/** One route per line (null where nothing matches and there is no default), in line order. */
export function routeLines(facts: OrderFacts, skus: (string | null)[], routing: CompiledRouting): (Route | null)[] {
  const view = orderView(facts);
  const candidates = routing.rules.filter((rule) => matchesOrder(rule, view));
  const fallback: Route | null = routing.defaultFacilityCode === null ? null : { facilityCode: routing.defaultFacilityCode, rule: "default" };
  return skus.map((sku) => {
    const key = sku === null ? null : lookupKey(sku);
    const rule = candidates.find((r) => r.skuPrefixes === null || (key !== null && r.skuPrefixes.some((p) => key.startsWith(p))));
    return rule ? { facilityCode: rule.facilityCode, rule: rule.index } : fallback;
  });
}

function orderView(facts: OrderFacts): OrderView {
  const address = facts.shippingAddress;
  const country = address?.countryCode ? lookupKey(address.countryCode) : null;
  const company = facts.company;
  return {
    country,
    postcode: postcodeView(address?.zip ?? null, country),
    group: facts.customerGroup ? lookupKey(facts.customerGroup) : null,
    companies: company ? [company.name, company.id].filter((v): v is string => !!v).map(lookupKey) : [],
    tags: facts.tags.map(lookupKey),
  };
}

function matchesOrder(rule: CompiledRule, o: OrderView): boolean {
  if (rule.countries && (o.country === null || !rule.countries.has(o.country))) return false;
  if (rule.groups && (o.group === null || !rule.groups.has(o.group))) return false;
  if (rule.companies && !o.companies.some((c) => rule.companies?.has(c))) return false;
  if (rule.tags && !o.tags.some((t) => rule.tags?.has(t))) return false;
  return matchesPostcode(rule, o.postcode);
}

function matchesPostcode(rule: CompiledRule, postcode: PostcodeView | null): boolean {
  if (!rule.postcodePrefixes && !rule.postcodePattern) return true;
  if (postcode === null) return false;
  if (rule.postcodePrefixes && !rule.postcodePrefixes.some((match) => match(postcode))) return false;
  return !rule.postcodePattern || rule.postcodePattern.test(postcode.text);
}
