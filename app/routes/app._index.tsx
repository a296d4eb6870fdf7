// Overview: where the shop's orders are, which are stuck, open exceptions by kind, orders and dispatch
// times over 30 days, and every webhook Loadbay could not use, with the reason and a retry where a
// retry can help.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";
import { formatDateTime } from "~/lib/format";
import { DashboardSections } from "~/components/operations/dashboard-sections";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const now = new Date();
  const [overview, dashboard] = await Promise.all([container().overview.overview(shop, now), container().dashboard(shop, now)]);
  return { ...overview, dashboard };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry-webhook"), id: z.uuid() }),
  z.object({ intent: z.enum(["release", "hold", "pick"]), id: z.uuid() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { error: "That request was not understood." };
  const { intent, id } = parsed.data;
  if (intent === "retry-webhook") {
    const result = await container().retryWebhook(shop, id);
    return result === "queued" ? { message: "The webhook is queued to be processed again." } : { error: "Only failed webhooks can be retried." };
  }
  const result = await container().manualDecision({ shop, orderId: id, action: intent, actor: `user:${shop}` });
  return result === "queued"
    ? { message: `${DONE[intent]} Loadbay is evaluating the order again; refresh in a moment to see the result.` }
    : { error: "That order was not found." };
}

const DONE = { release: "Release requested.", hold: "Hold requested.", pick: "Order picked." } as const;

const STATE_LABELS: Record<string, string> = {
  draft_awaiting_completion: "Drafts awaiting completion",
  received: "Received",
  held: "Held",
  released: "Released",
  in_fulfilment: "In fulfilment",
  partially_shipped: "Partially shipped",
  shipped: "Shipped",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** A titled card that shows its sentence when there is nothing to list. */
function Section({ title, empty, children }: { title: string; empty: string | null; children: React.ReactNode }) {
  return (
    <Layout.Section>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">{title}</Text>
          {empty ? <Text as="p" tone="subdued">{empty}</Text> : children}
        </BlockStack>
      </Card>
    </Layout.Section>
  );
}

function OrderAction({ id, intent, label, busy }: { id: string; intent: string; label: string; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button submit loading={busy}>{label}</Button>
    </Form>
  );
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const result = useActionData<typeof action>();
  const hooks = data.webhooksLast24h;
  return (
    <Page title="Loadbay overview" secondaryActions={[{ content: "Inventory and drift", url: "/app/inventory" }]}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={"error" in result ? "critical" : "success"}>{"error" in result ? result.error : result.message}</Banner>
          </Layout.Section>
        )}
        {data.dryRun && (
          <Layout.Section>
            <Banner tone="info" title="Dry run">
              Loadbay decides and maps every order but sends nothing to the warehouse until you go live.
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            {Object.entries(STATE_LABELS).map(([state, label]) => (
              <Card key={state}>
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">{label}</Text>
                  <Text as="p" variant="heading2xl">{data.ordersByState[state] ?? 0}</Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        {data.dashboard && <DashboardSections data={data.dashboard} />}
        <Section title="Held orders" empty={data.held.length === 0 ? "No order is held." : null}>
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={["Order", "Company", "Why it is held", ""]}
            rows={data.held.map((o) => [
              <Link key="n" to={`/app/orders/${o.id}`}>{o.name}</Link>,
              o.companyName ?? "",
              <div key="r" style={{ whiteSpace: "normal", minWidth: 280, maxWidth: 520 }}>{o.reasons.join(" ")}</div>,
              <OrderAction key="a" id={o.id} intent="release" label="Release" busy={busy} />,
            ])}
          />
        </Section>
        <Section title="Open exceptions" empty={data.exceptions.length === 0 ? "None." : null}>
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric"]}
            headings={["Order", "Kind", "What to do", "Seen"]}
            rows={data.exceptions.map((e) => [e.orderName ?? "", e.kind, e.message, e.count])}
          />
        </Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Webhooks in the last 24 hours</Text>
              <Text as="p">
                {hooks.processed} processed · {hooks.received} waiting · {hooks.rejected} rejected · {hooks.failed} failed ·{" "}
                {data.openExceptions} open exceptions
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Section title="Webhooks Loadbay could not use" empty={data.problems.length === 0 ? "None. Every webhook received was recorded and processed." : null}>
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text"]}
            headings={["Received", "Topic", "Status", "Reason", ""]}
            rows={data.problems.map((p) => [
              formatDateTime(p.receivedAt, data.timezone),
              p.topic,
              <Badge key="s" tone={p.status === "failed" ? "critical" : "warning"}>{p.status}</Badge>,
              <div key="w" style={{ whiteSpace: "normal", minWidth: 240, maxWidth: 480 }}>{p.reason}</div>,
              p.retryable ? (
                <Form method="post" key="r">
                  <input type="hidden" name="intent" value="retry-webhook" />
                  <input type="hidden" name="id" value={p.id} />
                  <Button submit loading={busy}>Retry</Button>
                </Form>
              ) : (
                ""
              ),
            ])}
          />
        </Section>
      </Layout>
    </Page>
  );
}
