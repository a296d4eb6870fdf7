import { GraphQLError } from "graphql";
import type { RequestContext } from "./context";

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** Items are ordered by this tuple; cursors carry it, so a page boundary survives updates (keyset paging). */
export type SortTuple = [string | number, number];

export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(tuple: SortTuple): string {
  return Buffer.from(JSON.stringify(tuple)).toString("base64url");
}

function decodeCursor(cursor: string): SortTuple {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === "number") return value as SortTuple;
  } catch {
    // fall through: Shopify answers an invalid cursor with a top-level error
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

function compare(a: SortTuple, b: SortTuple): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

/** Builds a Relay connection over `items`, paged with first/last/after/before/reverse as Shopify does. */
export function connection<T>(ctx: RequestContext, items: T[], args: PageArgs, sortKey: (item: T) => SortTuple): ConnectionView<T> {
  checkPageArgs(ctx, args);
  const direction = args.reverse ? -1 : 1;
  let rows = items
    .map((node) => ({ node, key: sortKey(node) }))
    .sort((a, b) => direction * compare(a.key, b.key));
  const total = rows.length;
  if (args.after) {
    const after = decodeCursor(args.after);
    rows = rows.filter((r) => direction * compare(r.key, after) > 0);
  }
  if (args.before) {
    const before = decodeCursor(args.before);
    rows = rows.filter((r) => direction * compare(r.key, before) < 0);
  }
  const windowStart = total - rows.length;
  const windowed = rows.length;
  // Bulk operations return every node whatever page size the query names.
  if (!ctx.bulk && args.first != null) rows = rows.slice(0, args.first);
  if (!ctx.bulk && args.last != null) rows = rows.slice(Math.max(0, rows.length - args.last));
  const edges = rows.map((r) => ({ cursor: encodeCursor(r.key), node: r.node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: args.first != null ? windowed > rows.length : false,
      hasPreviousPage: args.last != null ? windowed > rows.length : windowStart > 0 && args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function checkPageArgs(ctx: RequestContext, args: PageArgs): void {
  if (ctx.bulk) return;
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  const size = args.first ?? args.last ?? 0;
  if (size > 250 || size < 0) {
    throw new GraphQLError(`The page size must be between 0 and 250, got ${size}.`, { extensions: { code: "BAD_REQUEST" } });
  }
}
