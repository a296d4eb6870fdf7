// The exception queue: every order Loadbay cannot move on, with the sentence that says why, counted by
// kind, filterable, and retryable one by one, by selection or a whole kind at once (after fixing a map).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Page, Select, Text, useIndexResourceState } from "@shopify/polaris";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";
import { formatDateTime } from "~/lib/format";

const filterSchema = z.object({
  status: z.enum(["open", "resolved"]).catch("open"),
  kind: z.string().min(1).max(100).nullable().catch(null),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const params = new URL(request.url).searchParams;
  const filter = filterSchema.parse({ status: params.get("status") ?? "open", kind: params.get("kind") });
  const c = container();
  const [items, counts, context] = await Promise.all([
    c.exceptions.list(shop, filter, 200),
    c.exceptions.countsByKind(shop, filter.status),
    c.orders.shopContext(shop),
  ]);
  return { items, counts, filter, timezone: context?.timezone ?? "UTC" };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry-selected"), ids: z.string().transform((s) => s.split(",").filter(Boolean)).pipe(z.array(z.uuid()).min(1)) }),
  z.object({ intent: z.literal("retry-kind"), kind: z.string().min(1).max(100) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { error: "Choose at least one exception to retry." };
  const target = parsed.data.intent === "retry-kind" ? { kind: parsed.data.kind } : { ids: parsed.data.ids };
  const { orders } = await container().retryExceptions({ shop, target, actor: `user:${shop}` });
  return { message: `${orders} order${orders === 1 ? "" : "s"} queued to be evaluated again.` };
}

export default function Exceptions() {
  const { items, counts, filter, timezone } = useLoaderData<typeof loader>();
  const [, setParams] = useSearchParams();
  const fetcher = useFetcher<typeof action>();
  const { selectedResources, allResourcesSelected, handleSelectionChange } = useIndexResourceState(items);
  const kindOptions = [{ label: "All kinds", value: "" }, ...counts.map((c) => ({ label: `${c.kind} (${c.count})`, value: c.kind }))];
  // The chosen kind stays visible (with 0) once its last exception cleared, so the page never shows a filter it is not applying.
  if (filter.kind && !counts.some((c) => c.kind === filter.kind)) kindOptions.push({ label: `${filter.kind} (0)`, value: filter.kind });
  const retry = (data: Record<string, string>) => fetcher.submit(data, { method: "post" });
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <Page title="Exceptions" subtitle={`${total} ${filter.status} exception${total === 1 ? "" : "s"}`} backAction={{ content: "Overview", url: "/app" }}>
      <BlockStack gap="400">
        <Card>
          <InlineStack gap="400" blockAlign="end">
            <Select label="Status" options={[{ label: "Open", value: "open" }, { label: "Resolved", value: "resolved" }]} value={filter.status} onChange={(status) => setParams((p) => (p.set("status", status), p))} />
            <Select label="Kind" options={kindOptions} value={filter.kind ?? ""} onChange={(kind) => setParams((p) => (kind ? p.set("kind", kind) : p.delete("kind"), p))} />
            {filter.kind && filter.status === "open" && (
              <Button onClick={() => retry({ intent: "retry-kind", kind: filter.kind! })} loading={fetcher.state !== "idle"}>
                {`Retry all ${filter.kind}`}
              </Button>
            )}
          </InlineStack>
        </Card>
        {fetcher.data && <Text as="p" tone={"error" in fetcher.data ? "critical" : "success"}>{"error" in fetcher.data ? fetcher.data.error : fetcher.data.message}</Text>}
        <Card padding="0">
          {items.length === 0 ? (
            <EmptyState heading={filter.kind ? `No ${filter.status} ${filter.kind} exceptions` : `No ${filter.status} exceptions`} image="">
              <p>{filter.kind ? "Choose “All kinds” to see the others." : "Every order that reached Loadbay can move on."}</p>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: "exception", plural: "exceptions" }}
              itemCount={items.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[{ content: "Retry selected", onAction: () => retry({ intent: "retry-selected", ids: selectedResources.join(",") }) }]}
              headings={[{ title: "Order" }, { title: "Kind" }, { title: "What to do" }, { title: "Seen" }, { title: "Last seen" }]}
            >
              {items.map((e, index) => (
                <IndexTable.Row id={e.id} key={e.id} position={index} selected={selectedResources.includes(e.id)}>
                  <IndexTable.Cell>{e.orderId ? <Link to={`/app/orders/${e.orderId}`}>{e.orderName ?? "order"}</Link> : "—"}</IndexTable.Cell>
                  <IndexTable.Cell><Badge tone={e.status === "open" ? "critical" : "success"}>{e.kind}</Badge></IndexTable.Cell>
                  <IndexTable.Cell>
                    <div style={{ whiteSpace: "normal", minWidth: 280, maxWidth: 560 }}>{e.message}</div>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{e.count}×</IndexTable.Cell>
                  <IndexTable.Cell>{formatDateTime(e.lastSeenAt, timezone)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
