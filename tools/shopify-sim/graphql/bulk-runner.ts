import { randomBytes } from "node:crypto";
import { parse } from "graphql";
import type { LoadedSchema } from "../schema/load-schema";
import type { ShopState } from "../state/shop-state";
import type { BulkOperationRecord } from "../state/types";
import { executeOperation } from "./execute-operation";

/**
 * Moves bulk operations along by the clock: CREATED → RUNNING at once, COMPLETED once `bulkDurationMs` has passed,
 * when the query is run over whole connections and written as JSONL (children carry `__parentId`).
 */
export async function advanceBulkOperations(shop: ShopState, loaded: LoadedSchema, origin: string): Promise<void> {
  const now = shop.env.clock.now();
  for (const op of shop.bulkOperations.values()) {
    if (op.status === "CREATED") op.status = "RUNNING";
    if (op.status === "RUNNING" && now >= op.completesAtMs) await complete(shop, { loaded, origin, op });
  }
}

async function complete(shop: ShopState, input: { loaded: LoadedSchema; origin: string; op: BulkOperationRecord }): Promise<void> {
  const { op } = input;
  const { result } = await executeOperation({ loaded: input.loaded, shop, origin: input.origin, document: parse(op.query), bulk: true });
  if (result.errors?.length) {
    op.status = "FAILED";
    op.errorCode = "INTERNAL_SERVER_ERROR";
    return;
  }
  const lines: string[] = [];
  const roots = nodesOf(Object.values(result.data ?? {})[0]);
  for (const node of roots) flatten(node, undefined, lines);
  const body = lines.map((l) => `${l}\n`).join("");
  const token = randomBytes(12).toString("hex");
  shop.bulkFiles.set(token, body);
  op.status = "COMPLETED";
  op.completedAt = new Date(shop.env.clock.now()).toISOString();
  op.rootObjectCount = roots.length;
  op.objectCount = lines.length;
  op.fileSize = Buffer.byteLength(body);
  op.url = lines.length > 0 ? `${input.origin}/bulk-operations/${token}.jsonl` : null;
}

function nodesOf(value: unknown): Record<string, unknown>[] {
  if (!value || typeof value !== "object") return [];
  const record = value as { edges?: { node?: Record<string, unknown> }[]; nodes?: Record<string, unknown>[] };
  if (Array.isArray(record.nodes)) return record.nodes;
  if (Array.isArray(record.edges)) return record.edges.flatMap((e) => (e.node ? [e.node] : []));
  return [];
}

function isConnection(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("edges" in value || "nodes" in value);
}

function flatten(node: Record<string, unknown>, parentId: string | undefined, lines: string[]): void {
  const own: Record<string, unknown> = {};
  const children: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (isConnection(value)) children.push(...nodesOf(value));
    else own[key] = value;
  }
  if (parentId) own.__parentId = parentId;
  lines.push(JSON.stringify(own));
  const id = typeof node.id === "string" ? node.id : undefined;
  for (const child of children) flatten(child, id, lines);
}
