// What the order-details block shows, decided from the backend's answer. Pure, so it is unit-tested
// (test/unit/order-block-view-model.test.ts) and the Preact component only renders what it returns.
// The summary type is the backend's own port (type-only import: nothing from app/ is bundled).
import type { OrderSummary } from "../../../app/modules/orders/order-summary.ports";

export type { OrderSummary };
export type BadgeTone = "neutral" | "info" | "success" | "caution" | "warning" | "critical";
export type Intent = "release" | "hold";

export interface OrderView {
  kind: "order";
  /** Shown when the admin collapses the block. */
  summaryLine: string;
  state: { label: string; sentence: string; tone: BadgeTone };
  holdReasons: string[];
  /** Loadbay has a decision or a change to evaluate; the state shown may be about to change. */
  pendingNote: string | null;
  dryRunNote: string | null;
  exceptions: { kind: string; sentence: string }[];
  warehouseOrders: { key: string; facility: string; state: string; reference: string | null; tracking: string[] }[];
  /** Why neither action is offered, when neither is. */
  actionsNote: string | null;
  actions: Intent[];
  /** The full Loadbay order page inside the app (the `app:` protocol of admin UI extensions). */
  orderPageHref: string;
}

export type BlockView =
  | { kind: "loading" }
  | { kind: "not-in-loadbay"; sentence: string }
  | { kind: "error"; sentence: string }
  | OrderView;

const STATES: Record<string, { label: string; sentence: string; tone: BadgeTone }> = {
  draft_awaiting_completion: { label: "Draft", sentence: "A draft waiting to be completed. Loadbay never sends drafts to a warehouse.", tone: "neutral" },
  received: { label: "Received", sentence: "Loadbay has the order and is deciding whether to release it.", tone: "info" },
  held: { label: "Held", sentence: "Held: Loadbay will not send it to a warehouse until the reasons below are cleared or it is released.", tone: "warning" },
  released: { label: "Released", sentence: "Released: Loadbay is sending it to the warehouse.", tone: "info" },
  in_fulfilment: { label: "At the warehouse", sentence: "The warehouse has the order; nothing has been dispatched yet.", tone: "info" },
  partially_shipped: { label: "Partly shipped", sentence: "Part of the order has been dispatched; the rest is still at the warehouse.", tone: "caution" },
  shipped: { label: "Shipped", sentence: "Every line has been dispatched.", tone: "success" },
  closed: { label: "Closed", sentence: "The order is complete in Loadbay.", tone: "success" },
  cancelled: { label: "Cancelled", sentence: "The order is cancelled; Loadbay sends nothing more for it.", tone: "neutral" },
};

const SESSION_EXPIRED = "your session has expired. Reload the page.";

/** States in which a release decision can still move the order (app/modules/orders/order-state.ts). */
const DECIDABLE = new Set(["received", "held", "released"]);

/** `partially_dispatched` → "partially dispatched", `unmapped-service` → "unmapped service". */
const words = (code: string) => code.replace(/[_-]+/g, " ");

/** Shopify's numeric order id from the selected resource's GID, or null for anything else. */
export function numericOrderId(gid: string | undefined): string | null {
  const match = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(gid ?? "");
  return match?.[1] ?? null;
}

/** The backend route (app/routes/api.order-block.$shopifyOrderId.tsx), relative to the app URL. */
export const blockApiPath = (numericId: string) => `/api/order-block/${numericId}`;

export const errorView = (reason: string): BlockView => ({ kind: "error", sentence: `Loadbay could not load this order: ${reason}` });

/** The view for the backend's answer to GET (or to a POST's `summary`). */
export function viewFromResponse(status: number, body: unknown): BlockView {
  if (status === 404) return { kind: "not-in-loadbay", sentence: "This order is not in Loadbay. Orders appear here once Loadbay receives them from Shopify." };
  if (status === 401) return errorView(SESSION_EXPIRED);
  if (status !== 200) return errorView(errorSentence(body) ?? `the app answered with status ${status}.`);
  return isSummary(body) ? orderView(body) : errorView("the app's answer was not understood.");
}

export function orderView(summary: OrderSummary): OrderView {
  const state = STATES[summary.state] ?? { label: words(summary.state), sentence: `Loadbay state: ${words(summary.state)}.`, tone: "neutral" as const };
  const actions = availableActions(summary);
  return {
    kind: "order",
    summaryLine: summary.exceptions.length > 0 ? `${state.label} · ${summary.exceptions.length} open exception(s)` : state.label,
    state,
    holdReasons: summary.holdReasons,
    pendingNote: summary.pendingEvaluation ? pendingSentence(summary.manual) : null,
    dryRunNote: summary.dryRun ? "Dry run: Loadbay shows what it would send but sends nothing." : null,
    exceptions: summary.exceptions.map((e) => ({ kind: words(e.kind), sentence: e.message })),
    warehouseOrders: summary.warehouseOrders.map((w) => ({
      key: `${w.facilityCode}-${w.split}`,
      facility: w.split > 0 ? `${w.facilityCode} (part ${w.split + 1})` : w.facilityCode,
      state: words(w.state),
      reference: w.warehouseReference,
      tracking: w.trackingNumbers,
    })),
    actionsNote: actions.length > 0 ? null : actionsNote(summary.state),
    actions,
    orderPageHref: `app:app/orders/${summary.id}`,
  };
}

function availableActions(summary: OrderSummary): Intent[] {
  if (!DECIDABLE.has(summary.state)) return [];
  const actions: Intent[] = [];
  if (summary.manual !== "release" && summary.state !== "released") actions.push("release");
  if (summary.manual !== "hold") actions.push("hold");
  return actions;
}

function actionsNote(state: string): string | null {
  if (state === "draft_awaiting_completion") return "Drafts cannot be released; complete the draft first.";
  if (state === "cancelled") return null;
  return DECIDABLE.has(state) ? null : "The warehouse has this order, so it can no longer be released or held here.";
}

function pendingSentence(manual: OrderSummary["manual"]): string {
  if (manual === "release") return "Released by hand; Loadbay is evaluating the order again.";
  if (manual === "hold") return "Held by hand; Loadbay is evaluating the order again.";
  return "Loadbay is evaluating a change to this order.";
}

function errorSentence(body: unknown): string | null {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === "string" && error.length > 0 ? error : null;
}

/** Enough of a check that a broken or foreign answer becomes an error, not a crash in the admin. */
function isSummary(body: unknown): body is OrderSummary {
  const s = body as Partial<OrderSummary> | null;
  return (
    typeof s?.id === "string" &&
    typeof s.state === "string" &&
    Array.isArray(s.holdReasons) &&
    Array.isArray(s.exceptions) &&
    Array.isArray(s.warehouseOrders) &&
    s.warehouseOrders.every((w) => typeof w?.facilityCode === "string" && Array.isArray(w.trackingNumbers))
  );
}

/** What the block says after a release or hold (it then loads the summary again). */
export function actionOutcome(status: number, body: unknown): { tone: "success" | "critical"; sentence: string } {
  const message = (body as { message?: unknown } | null)?.message;
  if (status === 200 && typeof message === "string") return { tone: "success", sentence: message };
  const reason = status === 401 ? SESSION_EXPIRED : (errorSentence(body) ?? `the app answered with status ${status}.`);
  return { tone: "critical", sentence: `Loadbay could not do that: ${reason}` };
}
