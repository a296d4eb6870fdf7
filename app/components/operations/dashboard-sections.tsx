// The operations part of the overview page: stuck orders, open exceptions by kind, and the two charts.
import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, InlineGrid, InlineStack, Layout, Text } from "@shopify/polaris";
import { formatDateTime } from "~/lib/format";
import { dayLabel, type ChartDay } from "./chart-days";
import { DailyChart } from "./daily-chart";

export interface DashboardView {
  timezone: string;
  stuck: { kind: "not-sent" | "not-dispatched"; orderId: string; orderName: string; companyName: string | null; where: string; since: string | Date; waitingFor: string; reason: string }[];
  stuckTotal: number;
  exceptionsByKind: { kind: string; count: number }[];
  ordersPerDay: ChartDay[];
  medianHoursToDispatch: ChartDay[];
}

const KIND_LABEL = { "not-sent": "Not sent", "not-dispatched": "Not dispatched" } as const;

function StuckOrders({ data }: { data: DashboardView }) {
  const more = data.stuckTotal - data.stuck.length;
  return (
    <Card>
      <section aria-label="Stuck orders">
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">Stuck orders</Text>
            <Link to="/app/settings/operations">When is an order stuck?</Link>
          </InlineStack>
          {data.stuck.length === 0 ? (
            <Text as="p" tone="subdued">No order is stuck: everything released went to its warehouse in time, and every warehouse is within its working hours.</Text>
          ) : (
            <>
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                headings={["Order", "Company", "Stuck", "Waiting for", "Since", "Why"]}
                rows={data.stuck.map((s) => [
                  <Link key="n" to={`/app/orders/${s.orderId}`}>{s.orderName}</Link>,
                  s.companyName ?? "—",
                  <Badge key="k" tone="critical">{KIND_LABEL[s.kind]}</Badge>,
                  s.waitingFor,
                  formatDateTime(s.since, data.timezone),
                  <div key="w" style={{ whiteSpace: "normal", minWidth: 260, maxWidth: 480 }}>{s.reason}</div>,
                ])}
              />
              {more > 0 && <Text as="p" tone="subdued">{`${more} more stuck order${more === 1 ? " is" : "s are"} not listed; the longest waits come first.`}</Text>}
            </>
          )}
        </BlockStack>
      </section>
    </Card>
  );
}

function ExceptionsByKind({ counts }: { counts: DashboardView["exceptionsByKind"] }) {
  return (
    <Card>
      <section aria-label="Open exceptions by kind">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">Open exceptions by kind</Text>
          {counts.length === 0 ? (
            <Text as="p" tone="subdued">No open exceptions: no order is waiting for a fix.</Text>
          ) : (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {counts.map((c) => (
                <li key={c.kind}>
                  <Link to={`/app/exceptions?kind=${encodeURIComponent(c.kind)}`}>{c.kind}</Link>
                  {`: ${c.count} open`}
                </li>
              ))}
            </ul>
          )}
        </BlockStack>
      </section>
    </Card>
  );
}

function ordersSummary(days: ChartDay[]): string {
  const total = days.reduce((sum, d) => sum + (d.value ?? 0), 0);
  const busiest = days.reduce((best, d) => ((d.value ?? 0) > (best.value ?? 0) ? d : best), days[0]!);
  return `${total} order${total === 1 ? "" : "s"} in the last 30 days; the busiest day was ${dayLabel(busiest.day)} with ${busiest.value}.`;
}

function dispatchSummary(days: ChartDay[]): string {
  const latest = [...days].reverse().find((d) => d.value !== null);
  const measured = days.filter((d) => d.value !== null).length;
  return latest
    ? `Dispatches on ${measured} of the last 30 days. On ${dayLabel(latest.day)}, the median order had waited ${latest.value} hours from being placed to its first dispatch.`
    : "";
}

export function DashboardSections({ data }: { data: DashboardView }) {
  return (
    <>
      <Layout.Section>
        <StuckOrders data={data} />
      </Layout.Section>
      <Layout.Section>
        <ExceptionsByKind counts={data.exceptionsByKind} />
      </Layout.Section>
      <Layout.Section>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <DailyChart title="Orders per day" kind="bar" name="Orders" unit="orders" data={data.ordersPerDay} summary={ordersSummary(data.ordersPerDay)} empty="No orders arrived in the last 30 days." />
          <DailyChart
            title="Median time from order to dispatch"
            kind="bar"
            name="Median hours to dispatch"
            unit="hours"
            data={data.medianHoursToDispatch}
            summary={dispatchSummary(data.medianHoursToDispatch)}
            empty="No order was dispatched in the last 30 days, so there is no time to measure yet."
          />
        </InlineGrid>
      </Layout.Section>
    </>
  );
}
