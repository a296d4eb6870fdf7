/** A small subset of Shopify's search syntax: `field:value`, `field:>value`, quotes, `-` / NOT, implicit AND. */
export interface SearchTerm {
  field: string | null;
  op: ":" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

export type SearchValue = string | number | string[] | null;
export type SearchFields<T> = Record<string, (item: T) => SearchValue>;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /(?:[^\s'"]+|'[^']*'|"[^"]*")+/g;
  for (const match of query.matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

function unquote(value: string): string {
  return value.replace(/^['"]|['"]$/g, "");
}

export function parseSearch(query: string | null | undefined): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let negateNext = false;
  for (const token of tokenize(query ?? "")) {
    if (token === "AND" || token === "OR") continue;
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    const negated = negateNext || token.startsWith("-");
    negateNext = false;
    const body = token.replace(/^-/, "");
    const match = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(body);
    if (!match) terms.push({ field: null, op: ":", value: unquote(body), negated });
    else terms.push({ field: (match[1] ?? "").toLowerCase(), op: (match[2] ?? ":") as SearchTerm["op"], value: unquote(match[3] ?? ""), negated });
  }
  return terms;
}

/** Unknown fields and free text are ignored, as Shopify ignores filters it cannot apply (with a warning). */
export function matchesSearch<T>(item: T, terms: SearchTerm[], fields: SearchFields<T>): boolean {
  return terms.every((term) => {
    const accessor = term.field ? fields[term.field] : undefined;
    if (!accessor) return true;
    const result = matchValue(accessor(item), term);
    return term.negated ? !result : result;
  });
}

function matchValue(actual: SearchValue, term: SearchTerm): boolean {
  if (Array.isArray(actual)) return actual.some((a) => a.toLowerCase() === term.value.toLowerCase());
  if (actual === null) return false;
  if (term.op === ":") {
    if (term.value === "*") return true;
    return String(actual).toLowerCase() === term.value.toLowerCase();
  }
  const [left, right] = comparable(actual, term.value);
  if (term.op === ">") return left > right;
  if (term.op === ">=") return left >= right;
  if (term.op === "<") return left < right;
  return left <= right;
}

function comparable(actual: string | number, expected: string): [number, number] | [string, string] {
  if (typeof actual === "number") return [actual, Number(expected)];
  const a = Date.parse(actual);
  const b = Date.parse(expected);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return [a, b];
  return [actual, expected];
}
