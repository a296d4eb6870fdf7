// Mapping settings at a glance: how much is mapped in each part, a way into each, and the open
// exceptions a settings change may fix (they are retried on the exceptions page, not re-mapped here).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { authenticateAdmin, container } from "~/composition.server";
import { OpenExceptions } from "~/components/settings/section-editor";
import { StoredProblems } from "~/components/settings/stored-problems";
import { sectionForm } from "~/modules/mapping/mapping-sections";
import { profileIds, profileOf, tableRows } from "~/modules/mapping/mapping-tables";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const view = await container().mappingSettings.read(shop);
  if (!view) throw new Response("This shop has no settings.", { status: 404 });
  const { doc } = view;
  const count = (kind: Parameters<typeof tableRows>[1]["kind"], connectionId: string | null = null) => tableRows(doc, { kind, connectionId }).length;
  const routing = sectionForm(doc, { section: "routing" }).routing;
  const units = sectionForm(doc, { section: "units" });
  const removed = profileIds(doc).filter((id) => !view.connections.some((c) => c.id === id));
  const warehouses = [...view.connections.map((c) => ({ id: c.id, name: c.name, provider: c.provider as string | null })), ...removed.map((id) => ({ id, name: id, provider: null }))].map((w) => ({
    ...w,
    hasProfile: profileOf(doc, w.id) !== undefined,
    serviceCodes: count("service-codes", w.id),
    aliases: count("sku-aliases", w.id),
  }));
  return {
    facilities: count("facilities"),
    rules: count("routing-rules"),
    defaultFacility: routing.defaultFacilityCode,
    onLocationMismatch: routing.onLocationMismatch,
    units: count("units-of-measure"),
    backorderSplit: units.backorderSplit,
    warehouses,
    problems: view.problems,
    openExceptions: view.openExceptions,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Part({ title, to, action, children }: { title: string; to: string; action: string; children: React.ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{title}</Text>
          <Link to={to}>{action}</Link>
        </InlineStack>
        {children}
      </BlockStack>
    </Card>
  );
}

export default function MappingSettingsOverview() {
  const data = useLoaderData<typeof loader>();
  return (
    <Page title="Mapping settings" subtitle="How Loadbay turns Shopify orders into warehouse orders" backAction={{ content: "Overview", url: "/app" }}>
      <BlockStack gap="400">
        <StoredProblems problems={data.problems} />
        <Layout>
          <Layout.Section variant="oneHalf">
            <Part title="Routing" to="/app/settings/routing" action="Edit routing">
              <Text as="p">{`${plural(data.facilities, "facility", "facilities")}, ${plural(data.rules, "routing rule", "routing rules")}.`}</Text>
              <Text as="p" tone="subdued">
                {data.defaultFacility ? `Orders no rule matches go to ${data.defaultFacility}.` : "Orders no rule matches wait as exceptions."}{" "}
                {data.onLocationMismatch === "move" ? "Orders Shopify assigned elsewhere are moved." : "Orders Shopify assigned elsewhere wait as exceptions."}
              </Text>
            </Part>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <Part title="Units of measure" to="/app/settings/units" action="Edit units of measure">
              <Text as="p">{`${plural(data.units, "pack", "packs")} mapped to base units.`}</Text>
              <Text as="p" tone="subdued">{data.backorderSplit ? "Backorders are split: lines in stock go first." : "Backorders are not split."}</Text>
            </Part>
          </Layout.Section>
          <Layout.Section>
            <Part title="Operations" to="/app/settings/operations" action="Edit operations settings">
              <Text as="p" tone="subdued">How dispatches come back into Shopify, and when an order counts as stuck.</Text>
            </Part>
          </Layout.Section>
          <Layout.Section>
            <Part title="Inventory" to="/app/settings/inventory" action="Edit inventory settings">
              <Text as="p" tone="subdued">How often the full stock sync runs, safety buffers, and the location map check.</Text>
            </Part>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Warehouses</Text>
                {data.warehouses.length === 0 && (
                  <Text as="p" tone="subdued">
                    No warehouse is connected yet. <Link to="/app/connections">Add a warehouse connection</Link> first.
                  </Text>
                )}
                {data.warehouses.map((w) => (
                  <InlineStack key={w.id} align="space-between" blockAlign="center">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" fontWeight="semibold">{w.name}</Text>
                      {w.provider ? <Badge>{w.provider}</Badge> : <Badge tone="warning">connection removed</Badge>}
                      <Text as="span" tone="subdued">
                        {w.hasProfile ? `${plural(w.serviceCodes, "service code", "service codes")}, ${plural(w.aliases, "SKU alias", "SKU aliases")}` : "default settings"}
                      </Text>
                    </InlineStack>
                    <Link to={`/app/settings/connections/${encodeURIComponent(w.id)}`} aria-label={`Edit settings of ${w.name}`}>Edit</Link>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Open mapping exceptions</Text>
                <OpenExceptions counts={data.openExceptions} empty="None: no order waits for a mapping fix." />
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
