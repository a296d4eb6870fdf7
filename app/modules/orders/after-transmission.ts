// What a change in Shopify means once the warehouse has the order. The warehouse holds what was sent
// (the stored warehouse orders); the order as it is now is mapped again with the same settings and the
// two are compared on what the warehouse acts on: the lines it picks and where it delivers. A
// cancellation becomes a cancel request per warehouse order; any other difference is a change the
// merchant makes at the warehouse by hand (no connector supports amendments yet; decision 0017).
// Tags, notes, payment and Loadbay's own writes change nothing the warehouse sees, so they plan nothing.
import type { ShipTo } from "~/modules/mapping/address-profile";
import type { WarehouseOrderDraft, WarehouseOrderLine } from "~/modules/mapping/warehouse-order-draft";

/** A warehouse order the warehouse already has (or may have): anything past `transmitting`. */
export interface SentWarehouseOrder {
  id: string;
  idempotencyKey: string;
  state: "transmitted" | "accepted" | "partially_dispatched" | "dispatched" | "cancel_requested" | "cancelled";
  draft: WarehouseOrderDraft;
}

export interface LineChange {
  warehouseSku: string;
  /** Base units sent, and base units ordered now. */
  sent: number;
  now: number;
}

export interface WarehouseOrderChange {
  warehouseOrderId: string;
  idempotencyKey: string;
  facilityCode: string;
  lines: LineChange[];
  /** The delivery address differs; `now` is the address as it should be. */
  shipTo: { sent: ShipTo; now: ShipTo } | null;
  /** The warehouse order as it should now be, for the record once the merchant confirms the change. */
  amended: { lines: WarehouseOrderLine[]; shipTo: ShipTo };
}

export type AfterTransmissionPlan =
  | { kind: "none" }
  /** Ask the warehouse to cancel these (the order was cancelled in Shopify). */
  | { kind: "cancel"; warehouseOrderIds: string[] }
  /**
   * The order changed in ways the warehouse must know: changes to warehouse orders it has, and new
   * warehouse orders for lines that now go to a facility that was sent nothing.
   */
  | { kind: "amend"; changes: WarehouseOrderChange[]; newOrders: WarehouseOrderDraft[] }
  /** The order changed but could not be mapped again (a new unmapped line, say): the merchant must look. */
  | { kind: "unmappable"; reasons: string[] };

/** One key per order: what the merchant must change at the warehouse, by hand. */
export const warehouseChangeKey = (orderId: string) => `warehouse-change-needed:${orderId}`;

const OPEN: ReadonlySet<SentWarehouseOrder["state"]> = new Set(["transmitted", "accepted", "partially_dispatched"]);

/**
 * @param remapped the order as it is now, mapped with the shop's settings; or the sentences saying why
 *   it cannot be mapped.
 */
export function planAfterTransmission(
  cancelled: boolean,
  sent: readonly SentWarehouseOrder[],
  remapped: { ok: true; drafts: readonly WarehouseOrderDraft[] } | { ok: false; reasons: string[] },
): AfterTransmissionPlan {
  if (cancelled) {
    const open = sent.filter((w) => OPEN.has(w.state)).map((w) => w.id);
    return open.length ? { kind: "cancel", warehouseOrderIds: open } : { kind: "none" };
  }
  if (!remapped.ok) return { kind: "unmappable", reasons: remapped.reasons };
  const live = sent.filter((w) => w.state !== "cancelled" && w.state !== "cancel_requested");
  const changes: WarehouseOrderChange[] = [];
  for (const [facilityCode, group] of groupBy(live, (w) => w.draft.facilityCode)) {
    const sentLines = unitsBySku(group.flatMap((w) => w.draft.lines));
    const nowDrafts = remapped.drafts.filter((d) => d.facilityCode === facilityCode);
    const nowLines = unitsBySku(nowDrafts.flatMap((d) => d.lines));
    const lines = [...new Set([...sentLines.keys(), ...nowLines.keys()])]
      .map((sku) => ({ warehouseSku: sku, sent: sentLines.get(sku) ?? 0, now: nowLines.get(sku) ?? 0 }))
      .filter((l) => l.sent !== l.now)
      .sort((a, b) => a.warehouseSku.localeCompare(b.warehouseSku));
    const first = group[0]!;
    const nowShipTo = nowDrafts[0]?.shipTo;
    const shipTo = nowShipTo && !sameShipTo(first.draft.shipTo, nowShipTo) ? { sent: first.draft.shipTo, now: nowShipTo } : null;
    const amended = { lines: nowDrafts.flatMap((d) => d.lines), shipTo: nowShipTo ?? first.draft.shipTo };
    if (lines.length || shipTo) changes.push({ warehouseOrderId: first.id, idempotencyKey: first.idempotencyKey, facilityCode, lines, shipTo, amended });
  }
  // Lines that now route to a facility that was sent nothing: a new warehouse order, sent as usual.
  // A facility whose warehouse order was cancelled there (by hand, from the order page) is not sent the
  // lines again behind the merchant's back; only facilities never sent anything get new warehouse orders.
  const sentFacilities = new Set(sent.map((w) => w.draft.facilityCode));
  const newOrders = remapped.drafts.filter((d) => !sentFacilities.has(d.facilityCode));
  return changes.length || newOrders.length ? { kind: "amend", changes, newOrders } : { kind: "none" };
}

/** The merchant's to-do list at the warehouse, one sentence per change. */
export function describeChanges(orderName: string, changes: readonly WarehouseOrderChange[]): string {
  const parts = changes.map((c) => {
    const where = `${c.idempotencyKey} at ${c.facilityCode}`;
    const lines = c.lines.map((l) => (l.now === 0 ? `remove ${l.warehouseSku} (${l.sent} sent)` : l.sent === 0 ? `add ${l.now} × ${l.warehouseSku}` : `change ${l.warehouseSku} from ${l.sent} to ${l.now}`));
    if (c.shipTo) lines.push(`deliver to ${formatShipTo(c.shipTo.now)}`);
    return `${where}: ${lines.join("; ")}`;
  });
  return `${orderName} changed in Shopify after it was sent to the warehouse. Make these changes at the warehouse by hand (this connection cannot amend orders): ${parts.join(". ")}. Then mark this exception as done.`;
}

function unitsBySku(lines: readonly { warehouseSku: string; quantity: number }[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.warehouseSku, (units.get(l.warehouseSku) ?? 0) + l.quantity);
  for (const [sku, n] of units) if (n === 0) units.delete(sku);
  return units;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const ADDRESS_FIELDS = ["name", "company", "city", "region", "postcode", "countryCode", "phone"] as const;

function sameShipTo(a: ShipTo, b: ShipTo): boolean {
  return ADDRESS_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null)) && a.lines.join("\n") === b.lines.join("\n");
}

const formatShipTo = (s: ShipTo) => [s.name, s.company, ...s.lines, s.city, s.postcode, s.countryCode].filter(Boolean).join(", ");
