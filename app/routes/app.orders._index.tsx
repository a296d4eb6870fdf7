// Every order Loadbay knows, newest first, 50 a page: filtered by state (or open exceptions) and
// searched by order name, PO number or company. The filter, search and page live in the URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, InlineStack, Page, Pagination, Select, Text, TextField, type BadgeProps } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { authenticateAdmin, container } from "~/composition.server";
import { formatDateTime } from "~/lib/format";
import { emptyListSentence, ORDER_LIST_FILTERS, ORDERS_PER_PAGE, parseOrderListQuery } from "~/modules/operations/order-list";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const query = parseOrderListQuery(new URL(request.url).searchParams);
  const page = await container().orderList.list(shop, query, ORDERS_PER_PAGE);
  return { ...page, query, empty: emptyListSentence(query) };
}

const FILTER_OPTIONS = Object.entries(ORDER_LIST_FILTERS).map(([value, label]) => ({ value, label }));
const TONE: Record<string, BadgeProps["tone"]> = {
  held: "warning",
  released: "info",
  in_fulfilment: "info",
  partially_shipped: "attention",
  shipped: "success",
  cancelled: "critical",
};

const label = (state: string) => state.replaceAll("_", " ");

export default function OrdersList() {
  const { rows, hasNextPage, timezone, query, empty } = useLoaderData<typeof loader>();
  const [, setParams] = useSearchParams();
  const busy = useNavigation().state === "loading";
  // Local copies so typing and choosing answer at once; they follow the URL on back and forward.
  const [search, setSearch] = useState(query.q);
  const [state, setState] = useState<string>(query.state);
  useEffect(() => setSearch(query.q), [query.q]);
  useEffect(() => setState(query.state), [query.state]);
  const goToPage = (page: number) => setParams((p) => (page > 1 ? p.set("page", String(page)) : p.delete("page"), p));
  // A new filter starts again at page 1 and keeps the search.
  const choose = (value: string) => {
    setState(value);
    setParams(() => new URLSearchParams(Object.entries({ state: value, q: query.q }).filter(([k, v]) => v && !(k === "state" && v === "all"))));
  };

  return (
    <Page title="Orders" subtitle="Every order Loadbay has received, newest first" backAction={{ content: "Overview", url: "/app" }}>
      <BlockStack gap="400">
        <Card>
          {/* A plain GET form: the filter and search end up in the URL, and work before the page is interactive. */}
          <Form method="get">
            <InlineStack gap="400" blockAlign="end">
              <Select label="Show" name="state" options={FILTER_OPTIONS} value={state} onChange={choose} />
              <div style={{ minWidth: 320 }}>
                <TextField
                  label="Search"
                  name="q"
                  value={search}
                  onChange={setSearch}
                  autoComplete="off"
                  placeholder="Order name, PO number or company"
                  clearButton
                  onClearButtonClick={() => setSearch("")}
                />
              </div>
              <Button submit loading={busy}>Search</Button>
            </InlineStack>
          </Form>
        </Card>
        <Card padding="0">
          {rows.length === 0 ? (
            <div style={{ padding: 16 }}>
              <Text as="p" tone="subdued">{empty}</Text>
            </div>
          ) : (
            <IndexTable
              selectable={false}
              resourceName={{ singular: "order", plural: "orders" }}
              itemCount={rows.length}
              headings={[{ title: "Order" }, { title: "Company" }, { title: "PO number" }, { title: "State" }, { title: "Open exceptions" }, { title: "Warehouse orders" }, { title: "Created" }]}
            >
              {rows.map((o, index) => (
                <IndexTable.Row id={o.id} key={o.id} position={index}>
                  <IndexTable.Cell>
                    <Link to={`/app/orders/${o.id}`}>{o.name}</Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{o.companyName ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>{o.poNumber ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={TONE[o.state]}>{label(o.state)}</Badge>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{o.openExceptions > 0 ? <Badge tone="critical">{String(o.openExceptions)}</Badge> : "0"}</IndexTable.Cell>
                  <IndexTable.Cell>{o.warehouseOrders.length === 0 ? "—" : o.warehouseOrders.map((w) => `${w.facilityCode}: ${label(w.state)}`).join(", ")}</IndexTable.Cell>
                  <IndexTable.Cell>{formatDateTime(o.createdAt, timezone)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
        {(query.page > 1 || hasNextPage) && (
          <InlineStack align="center">
            <Pagination
              hasPrevious={query.page > 1}
              hasNext={hasNextPage}
              onPrevious={() => goToPage(query.page - 1)}
              onNext={() => goToPage(query.page + 1)}
              label={`Page ${query.page}`}
            />
          </InlineStack>
        )}
      </BlockStack>
    </Page>
  );
}
