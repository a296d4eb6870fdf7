// Inventory: the latest full sync with a progress bar that follows it while it runs, "Run full sync now",
// and the drift report (items where Shopify and the warehouse disagree by more than open demand explains).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Page, Pagination, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { authenticateAdmin, container } from "~/composition.server";
import { formatDateTime } from "~/lib/format";
import type { InventoryPage, RunSummary } from "~/modules/inventory/inventory-page.use-case";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return container().inventoryAdmin.page(shop, page);
}

const ANSWERS = {
  queued: { message: "A full sync is queued; its progress shows here as soon as it starts." },
  running: { error: "A full sync is already running. Its progress is shown below; start another once it has finished." },
  "not-installed": { error: "This shop is not installed, so no sync was started." },
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const intent = (await request.formData()).get("intent");
  if (intent !== "run-full-sync") return { error: "That request was not understood." };
  return ANSWERS[await container().inventoryAdmin.runFullSync(shop)];
}

/** Reloads the page's data every second while the run is going, and stops when it is not. */
function useFollowRun(running: boolean) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ revalidator, navigation });
  latest.current = { revalidator, navigation };
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      // No reload while a navigation (a button press, a page change) is under way: that brings the data itself.
      // One it still overtakes is aborted, which is harmless.
      const { revalidator: r, navigation: n } = latest.current;
      if (r.state === "idle" && n.state === "idle") void Promise.resolve(r.revalidate()).catch(() => undefined);
    }, 1_000);
    return () => clearInterval(timer);
  }, [running]);
}

const PHASES: Record<string, string> = { reading: "Reading Shopify's stock", planning: "Working out what to write", writing: "Writing quantities", done: "Finished" };
const STATUS = { running: { tone: "info", label: "Running" }, done: { tone: "success", label: "Done" }, failed: { tone: "critical", label: "Failed" } } as const;

function LatestRun({ run }: { run: RunSummary | null }) {
  if (!run) return <Text as="p" tone="subdued">No full sync has run yet. The first one runs at the next scheduled time, or now with the button above.</Text>;
  const status = run.running ? STATUS.running : run.status === "done" ? STATUS.done : run.status === "failed" ? STATUS.failed : { tone: "warning" as const, label: "Stopped" };
  return (
    <BlockStack gap="300">
      <InlineStack gap="200" blockAlign="center">
        <Badge tone={status.tone}>{status.label}</Badge>
        <Text as="span">{run.running ? PHASES[run.phase] ?? run.phase : `Started ${formatDateTime(run.startedAt)}`}</Text>
      </InlineStack>
      <div aria-label="Full sync progress" role="group">
        <ProgressBar progress={run.percent} tone={run.status === "failed" ? "critical" : "primary"} animated={run.running} />
      </div>
      <Text as="p" id="sync-counts">{`${run.done.toLocaleString("en-GB")} of ${run.total.toLocaleString("en-GB")} changed quantities written (${run.percent}%), ${run.unchanged.toLocaleString("en-GB")} already right.`}</Text>
      <Text as="p" tone="subdued">{`${run.points.toLocaleString("en-GB")} Shopify points spent in ${run.writeCalls.toLocaleString("en-GB")} write calls; started ${formatDateTime(run.startedAt)}${run.finishedAt ? `, finished ${formatDateTime(run.finishedAt)}` : ""}.`}</Text>
      {run.message && <Banner tone="critical">{run.message}</Banner>}
    </BlockStack>
  );
}

function DriftReport({ drift }: { drift: InventoryPage["drift"] }) {
  const [params, setParams] = useSearchParams();
  const go = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    setParams(next);
  };
  if (drift.total === 0) return <Text as="p" tone="subdued">No drift: at the last full sync, Shopify and the warehouse agreed wherever open orders did not explain the difference.</Text>;
  const rows = drift.rows.map((d) => [
    <BlockStack key="item" gap="050">
      <Text as="span" fontWeight="semibold">{d.item}</Text>
      <Text as="span" tone="subdued">{d.sku && d.sku !== d.baseSku ? `${d.sku} (stock of ${d.baseSku})` : d.baseSku}</Text>
    </BlockStack>,
    d.location,
    d.shopify,
    d.warehouse,
    d.demand,
    d.age,
    d.corrected ? <Badge key="s" tone="success">Corrected</Badge> : <Badge key="s" tone="warning">Open</Badge>,
  ]);
  return (
    <BlockStack gap="300">
      <DataTable
        columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "text", "text"]}
        headings={["Item", "Location", "Shopify", "Warehouse", "Open demand", "Drifting for", "Now"]}
        rows={rows}
      />
      <InlineStack align="space-between" blockAlign="center">
        <Text as="span" tone="subdued">{`${drift.total.toLocaleString("en-GB")} items drifting; page ${drift.page} of ${drift.pages}.`}</Text>
        <Pagination hasPrevious={drift.page > 1} onPrevious={() => go(drift.page - 1)} hasNext={drift.page < drift.pages} onNext={() => go(drift.page + 1)} />
      </InlineStack>
    </BlockStack>
  );
}

export default function InventoryPageView() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useFollowRun(data.run?.running ?? false);
  return (
    <Page title="Inventory" subtitle="Stock from the warehouse into Shopify" backAction={{ content: "Overview", url: "/app" }} secondaryActions={[{ content: "Inventory settings", url: "/app/settings/inventory" }]}>
      <Layout>
        {answer && (
          <Layout.Section>
            {"message" in answer ? <Banner tone="success">{answer.message}</Banner> : <Banner tone="warning">{answer.error}</Banner>}
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">Latest full sync</Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="run-full-sync" />
                  <Button submit loading={busy}>Run full sync now</Button>
                </Form>
              </InlineStack>
              <LatestRun run={data.run} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Drift</Text>
              <Text as="p" tone="subdued">
                Items where Shopify and the warehouse disagree by more than open orders explain, as the last full sync found them before writing. Corrected means Shopify has
                since been read or written and now agrees. <Link to="/app/settings/inventory">Buffers and cadence</Link>
              </Text>
              <DriftReport drift={data.drift} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
