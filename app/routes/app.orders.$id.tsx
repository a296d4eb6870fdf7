// One order: where it is and why, exactly what is (or in dry run would be) sent to each warehouse,
// what blocks it, and its whole timeline with the payload behind each event. Release, hold, retry.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";
import { formatDateTime } from "~/lib/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const id = z.uuid().safeParse(params.id);
  const details = id.success ? await container().orderDetails.details(shop, id.data) : null;
  if (!details) throw new Response("This order is not in Loadbay.", { status: 404 });
  return details;
}

const actionSchema = z.object({ intent: z.enum(["release", "hold", "retry", "done-at-warehouse", "cancel-at-warehouse"]) });
const DONE = { release: "Release requested.", hold: "Hold requested.", retry: "Retry requested." } as const;
/** Exceptions the merchant resolves by doing something at the warehouse, then saying so here. */
const BY_HAND = new Set(["warehouse-change-needed", "warehouse-cancel-failed"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  const id = z.uuid().safeParse(params.id);
  if (!parsed.success || !id.success) return { error: "That request was not understood." };
  const { intent } = parsed.data;
  if (intent === "done-at-warehouse") {
    const done = await container().confirmDoneAtWarehouse({ shop, orderId: id.data, actor: `user:${shop}` });
    return done === "confirmed" ? { message: "Noted: the warehouse was updated by hand." } : { error: "There was nothing waiting to be done at the warehouse." };
  }
  if (intent === "cancel-at-warehouse") {
    const { requested } = await container().cancelAtWarehouse({ shop, orderId: id.data, actor: `user:${shop}` });
    return requested
      ? { message: `Asked the warehouse to cancel ${requested} warehouse order(s). The order stays as it is in Shopify; cancel or edit it there if it should not ship at all.` }
      : { error: "The warehouse has nothing of this order that it could still cancel." };
  }
  const result = await container().manualDecision({ shop, orderId: id.data, action: intent, actor: `user:${shop}` });
  return result === "queued" ? { message: `${DONE[intent]} Loadbay is evaluating the order again; refresh in a moment.` } : { error: "That order was not found." };
}

/** What the warehouse holds and has not started shipping. */
const CANCELLABLE = new Set(["transmitted", "accepted"]);
const SHIPMENT_LABEL = { applied: "In Shopify", received: "Being recorded", failed: "Not recorded" } as const;
const SHIPMENT_TONE = { applied: "success", received: "info", failed: "critical" } as const;

function Action({ intent, label, busy }: { intent: string; label: string; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit loading={busy}>{label}</Button>
    </Form>
  );
}

const Json = ({ value }: { value: unknown }) => (
  <Box background="bg-surface-secondary" padding="200" borderRadius="200">
    <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>
  </Box>
);

export default function OrderPage() {
  const o = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <Page title={`Order ${o.name}`} titleMetadata={<Badge>{o.state.replaceAll("_", " ")}</Badge>} backAction={{ content: "Overview", url: "/app" }}>
      <BlockStack gap="400">
        {result && <Banner tone={"error" in result ? "critical" : "success"}>{"error" in result ? result.error : result.message}</Banner>}
        <Card>
          <BlockStack gap="200">
            <InlineStack gap="400">
              <Text as="span">{`Company: ${o.companyName ?? "—"}`}</Text>
              <Text as="span">{`PO: ${o.poNumber ?? "—"}`}</Text>
              <Text as="span">{`Total: ${o.total ? `${o.total.currency} ${o.total.amount}` : "—"}`}</Text>
              <Text as="span">{`Payment: ${o.paymentMode ?? "—"} (${o.financialStatus ?? "—"})`}</Text>
            </InlineStack>
            {o.holdReasons.length > 0 && <Banner tone="warning" title="Held">{o.holdReasons.join(" ")}</Banner>}
            <InlineStack gap="200">
              <Action intent="release" label="Release" busy={busy} />
              <Action intent="hold" label="Hold" busy={busy} />
              <Action intent="retry" label="Retry" busy={busy} />
              {o.warehouseOrders.some((w) => CANCELLABLE.has(w.state)) && <Action intent="cancel-at-warehouse" label="Cancel at the warehouse" busy={busy} />}
            </InlineStack>
          </BlockStack>
        </Card>
        {o.exceptions.length > 0 && (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">What blocks it</Text>
              {o.exceptions.map((e) => (
                <Text as="p" key={e.id}><Badge tone="critical">{e.kind}</Badge> {e.message}</Text>
              ))}
              {o.exceptions.some((e) => BY_HAND.has(e.kind)) && (
                <InlineStack>
                  <Action intent="done-at-warehouse" label="Done at the warehouse" busy={busy} />
                </InlineStack>
              )}
            </BlockStack>
          </Card>
        )}
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">{o.dryRun ? "What would be sent (dry run)" : "Warehouse orders"}</Text>
            {o.warehouseOrders.length === 0 && <Text as="p" tone="subdued">Nothing is mapped for a warehouse yet.</Text>}
            {o.warehouseOrders.map((w) => (
              <BlockStack gap="100" key={w.id}>
                <InlineStack gap="200">
                  <Text as="span" fontWeight="semibold">{w.facilityCode}</Text>
                  <Badge>{w.state}</Badge>
                  <Text as="span" tone="subdued">{w.idempotencyKey}{w.warehouseReference ? ` · warehouse ref ${w.warehouseReference}` : ""}</Text>
                </InlineStack>
                {w.lastError && <Text as="p" tone="critical">{w.lastError}</Text>}
                {w.shipments.map((d) => (
                  <InlineStack gap="200" key={d.id} blockAlign="center">
                    <Badge tone={SHIPMENT_TONE[d.status]}>{SHIPMENT_LABEL[d.status]}</Badge>
                    <Text as="span">{`Shipment ${d.shipmentId}${d.shippedAt ? `, shipped ${formatDateTime(d.shippedAt, o.timezone)}` : ""}`}</Text>
                    <Text as="span" tone="subdued">
                      {[d.carrier, d.trackingNumbers.length ? `tracking ${d.trackingNumbers.join(", ")}` : "no tracking number"].filter(Boolean).join(" · ")}
                    </Text>
                    {d.problem && <Text as="span" tone="critical">{d.problem}</Text>}
                  </InlineStack>
                ))}
                <Json value={w.payload} />
              </BlockStack>
            ))}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Timeline</Text>
            {o.timeline.map((t, i) => (
              <details key={i}>
                <summary>
                  <Text as="span" tone="subdued">{formatDateTime(t.at, o.timezone)}</Text> <Badge>{t.kind}</Badge> <Text as="span">{t.message}</Text>{" "}
                  <Text as="span" tone="subdued">({t.actor})</Text>
                </summary>
                {t.payload !== null && <Json value={t.payload} />}
              </details>
            ))}
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
