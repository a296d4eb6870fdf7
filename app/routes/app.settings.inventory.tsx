// Inventory settings: how often the full sync runs, the safety buffers (global and per base SKU), the
// allowance for the warehouse's clock, and the location map check. The server validates with the schema
// every reader uses (inventorySettingsSchema) and answers a sentence per rejected field.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticateAdmin, container } from "~/composition.server";
import { newRowId, SkuBuffers, type SkuBufferRow } from "~/components/inventory/sku-buffers";
import type { FacilityLocation } from "~/modules/inventory/inventory-settings.use-case";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const page = await container().inventoryAdmin.readSettings(shop);
  if (!page) throw new Response("This shop has no settings.", { status: 404 });
  return page;
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const entries = [...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const result = await container().inventoryAdmin.saveSettings({ shop, entries });
  if (!result) return { errors: { form: "This shop is not installed, so nothing was saved." } as Record<string, string> };
  return result.ok ? { saved: true as const } : { errors: result.errors };
}

const BUFFER_KINDS = [
  { label: "No global buffer", value: "none" },
  { label: "Units", value: "units" },
  { label: "Percent of the warehouse's figure", value: "percent" },
];

const CHECKS: Record<FacilityLocation["check"], { tone: "success" | "critical" | "warning"; label: string; says: (f: FacilityLocation) => string }> = {
  ok: { tone: "success", label: "Mapped", says: (f) => `${f.code} writes to Shopify location ${f.shopifyLocationId}.` },
  "not-seen": { tone: "warning", label: "No location", says: (f) => `${f.code} points at ${f.shopifyLocationId}, which Shopify's last read did not show: it has no Shopify location that stocks items, so nothing is written for it.` },
  shared: { tone: "critical", label: "Shared", says: (f) => `${f.code} shares Shopify location ${f.shopifyLocationId} with another facility; neither is written until each has its own.` },
};

function LocationMap({ data }: { data: ReturnType<typeof useLoaderData<typeof loader>> }) {
  if (!data.mappingReadable) return <Banner tone="critical">The mapping settings cannot be read, so no facility is known. Fix them under Mapping settings first.</Banner>;
  if (data.facilities.length === 0) return <Text as="p" tone="subdued">No facility is set up yet. <Link to="/app/settings/routing">Add facilities under routing</Link>; each needs its Shopify location.</Text>;
  return (
    <BlockStack gap="200">
      {!data.locationsKnown && <Text as="p" tone="subdued">No full sync has read Shopify yet, so the locations cannot be checked against it.</Text>}
      {data.facilities.map((f) => (
        <InlineStack key={f.code} gap="200" blockAlign="center" wrap={false}>
          <Badge tone={CHECKS[f.check].tone}>{CHECKS[f.check].label}</Badge>
          <Text as="span" fontWeight="semibold">{f.name}</Text>
          <Text as="span">{CHECKS[f.check].says(f)}</Text>
        </InlineStack>
      ))}
      {data.unmappedLocations.length > 0 && <Text as="p" tone="subdued">{`Shopify locations no facility feeds (Loadbay leaves their stock alone): ${data.unmappedLocations.join(", ")}.`}</Text>}
    </BlockStack>
  );
}

export default function InventorySettingsPage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = (answer && "errors" in answer ? answer.errors : undefined) ?? {};
  const s = data.settings;
  // Controlled fields keep what the merchant typed when the server sends errors back.
  const [values, setValues] = useState<Record<string, string>>({
    fullSyncEveryMinutes: String(s.fullSyncEveryMinutes),
    clockSkewSeconds: String(s.clockSkewSeconds),
    globalBufferKind: s.globalBuffer?.kind ?? "none",
    globalBufferValue: String(s.globalBuffer?.value ?? 0),
  });
  const [rows, setRows] = useState<SkuBufferRow[]>(() => s.skuBuffers.map((b) => ({ id: newRowId(), sku: b.sku, kind: b.buffer.kind, value: String(b.buffer.value) })));
  const set = (name: string) => (v: string) => setValues((old) => ({ ...old, [name]: v }));
  const problems = Object.keys(errors).length;
  return (
    <Page title="Inventory settings" subtitle="How stock is brought from the warehouse into Shopify" backAction={{ content: "Settings", url: "/app/settings" }} secondaryActions={[{ content: "Inventory and drift", url: "/app/inventory" }]}>
      <Form method="post">
        <Layout>
          {answer && (
            <Layout.Section>
              {"saved" in answer ? (
                <Banner tone="success">The inventory settings are saved. They apply from the next sync.</Banner>
              ) : (
                <Banner tone="critical" title="Nothing was saved">
                  {errors.form ?? `${problems === 1 ? "One field needs" : `${problems} fields need`} attention; each says what is wrong below it.`}
                </Banner>
              )}
            </Layout.Section>
          )}
          <Layout.AnnotatedSection title="Full sync" description="The full sync reads all of Shopify's stock and corrects what differs. Stock changes from the warehouse are written as they arrive, whatever this says.">
            <Card>
              <FormLayout>
                <TextField label="Run a full sync every (minutes)" name="fullSyncEveryMinutes" type="number" value={values.fullSyncEveryMinutes} onChange={set("fullSyncEveryMinutes")} error={errors.fullSyncEveryMinutes} helpText="0 turns the schedule off; at most 1,440 (once a day)." autoComplete="off" />
                <TextField label="Warehouse clock allowance (seconds)" name="clockSkewSeconds" type="number" value={values.clockSkewSeconds} onChange={set("clockSkewSeconds")} error={errors.clockSkewSeconds} helpText="An order the warehouse took this close to its stock figure is still taken off. 60 suits Mintsoft." autoComplete="off" />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Safety buffer" description="Held back from what Shopify may sell, for miscounts, damage and sales Loadbay cannot see. A SKU's own buffer replaces the global one; 0 means none.">
            <Card>
              <BlockStack gap="400">
                <FormLayout.Group>
                  <Select label="Global buffer" name="globalBufferKind" options={BUFFER_KINDS} value={values.globalBufferKind} onChange={set("globalBufferKind")} />
                  {values.globalBufferKind !== "none" && (
                    <TextField label={values.globalBufferKind === "percent" ? "Percent" : "Units"} name="globalBufferValue" type="number" value={values.globalBufferValue} onChange={set("globalBufferValue")} error={errors.globalBufferValue} autoComplete="off" />
                  )}
                </FormLayout.Group>
                <Text as="h3" variant="headingSm">Buffers per base SKU</Text>
                <SkuBuffers rows={rows} onChange={setRows} errors={errors} />
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Location map" description="Each facility's stock is written to its Shopify location (set under routing). Facilities without one are not written.">
            <Card>
              <LocationMap data={data} />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={busy}>Save</Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
