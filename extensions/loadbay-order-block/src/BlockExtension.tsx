// The block on Shopify's order details page. It only fetches and renders: what to show is decided in
// view-model.ts. fetch() to a relative URL goes to the app URL, and the admin adds the ID token itself.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { actionOutcome, blockApiPath, errorView, numericOrderId, viewFromResponse, type BlockView, type Intent, type OrderView } from "./view-model";

export default async () => {
  render(<OrderBlock />, document.body);
};

type Outcome = ReturnType<typeof actionOutcome>;

function OrderBlock() {
  const orderId = numericOrderId(shopify.data.selected[0]?.id);
  const [view, setView] = useState<BlockView>({ kind: "loading" });
  const [busy, setBusy] = useState<Intent | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(async () => {
    if (!orderId) return setView(errorView("the admin did not say which order this is."));
    try {
      const response = await fetch(blockApiPath(orderId));
      setView(viewFromResponse(response.status, await readJson(response)));
    } catch (error) {
      setView(errorView(reasonOf(error)));
    }
  }, [orderId]);

  useEffect(() => void load(), [load]);

  const decide = async (intent: Intent) => {
    if (!orderId) return;
    setBusy(intent);
    try {
      const response = await fetch(blockApiPath(orderId), { method: "POST", body: new URLSearchParams({ intent }) });
      setOutcome(actionOutcome(response.status, await readJson(response)));
    } catch (error) {
      setOutcome({ tone: "critical", sentence: `Loadbay could not do that: ${reasonOf(error)}` });
    }
    await load();
    setBusy(null);
  };

  return (
    <s-admin-block heading="Loadbay" collapsedSummary={view.kind === "order" ? view.summaryLine : undefined}>
      {view.kind === "loading" && <s-spinner accessibilityLabel="Loading Loadbay's state for this order" />}
      {view.kind === "error" && <s-banner tone="critical">{view.sentence}</s-banner>}
      {view.kind === "not-in-loadbay" && <s-text>{view.sentence}</s-text>}
      {view.kind === "order" && <OrderState view={view} outcome={outcome} busy={busy} onDecide={decide} />}
    </s-admin-block>
  );
}

function OrderState({ view, outcome, busy, onDecide }: { view: OrderView; outcome: Outcome | null; busy: Intent | null; onDecide: (intent: Intent) => Promise<void> }) {
  return (
    <s-stack gap="base">
      {outcome && <s-banner tone={outcome.tone}>{outcome.sentence}</s-banner>}
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-badge tone={view.state.tone}>{view.state.label}</s-badge>
        <s-text>{view.state.sentence}</s-text>
      </s-stack>
      {view.pendingNote && <s-text color="subdued">{view.pendingNote}</s-text>}
      {view.dryRunNote && <s-text color="subdued">{view.dryRunNote}</s-text>}
      {view.holdReasons.length > 0 && (
        <s-section heading="Why it is held">
          <s-unordered-list>
            {view.holdReasons.map((reason) => (
              <s-list-item key={reason}>{reason}</s-list-item>
            ))}
          </s-unordered-list>
        </s-section>
      )}
      {view.exceptions.length > 0 && (
        <s-section heading="Open exceptions">
          <s-stack gap="small">
            {view.exceptions.map((e) => (
              <s-stack key={`${e.kind}:${e.sentence}`} direction="inline" gap="small">
                <s-badge tone="critical">{e.kind}</s-badge>
                <s-text>{e.sentence}</s-text>
              </s-stack>
            ))}
          </s-stack>
        </s-section>
      )}
      {view.warehouseOrders.length > 0 && <WarehouseOrders orders={view.warehouseOrders} />}
      <s-stack direction="inline" gap="base" alignItems="center">
        {view.actions.map((intent) => (
          <s-button
            key={intent}
            variant={intent === "release" ? "primary" : "secondary"}
            loading={busy === intent}
            disabled={busy !== null}
            onClick={() => void onDecide(intent)}
          >
            {intent === "release" ? "Release" : "Hold"}
          </s-button>
        ))}
        <s-link href={view.orderPageHref}>Open in Loadbay</s-link>
      </s-stack>
      {view.actionsNote && <s-text color="subdued">{view.actionsNote}</s-text>}
    </s-stack>
  );
}

function WarehouseOrders({ orders }: { orders: OrderView["warehouseOrders"] }) {
  return (
    <s-section heading="Warehouse orders">
      <s-stack gap="small">
        {orders.map((w) => (
          <s-stack key={w.key} gap="small-300">
            <s-stack direction="inline" gap="small" alignItems="center">
              <s-text type="strong">{w.facility}</s-text>
              <s-badge>{w.state}</s-badge>
              {w.reference && <s-text color="subdued">{`Warehouse ref ${w.reference}`}</s-text>}
            </s-stack>
            {w.tracking.length > 0 && <s-text>{`Tracking: ${w.tracking.join(", ")}`}</s-text>}
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

const reasonOf = (error: unknown) => (error instanceof Error && error.message ? error.message : "the app could not be reached.");
