// Warehouse connections: add one (credentials are sealed and never shown again) and test it; the
// test says exactly what failed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineStack, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticateAdmin, container } from "~/composition.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const c = container();
  const connections = await c.connections.list(shop);
  return { connections, providers: c.providers.map(({ id, label, fields }) => ({ id, label, fields })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const c = container();
  if (form.intent === "test" && form.id) {
    const result = await c.connectionTester.test(shop, form.id);
    return { tested: form.id, ...result };
  }
  return c.createConnection({ shop, form });
}

export default function Connections() {
  const { connections, providers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [providerId, setProviderId] = useState(providers[0]?.id ?? "");
  const provider = providers.find((p) => p.id === providerId);
  const errors: Record<string, string> = (result && "errors" in result ? result.errors : undefined) ?? {};

  return (
    <Page title="Warehouse connections" backAction={{ content: "Overview", url: "/app" }}>
      <BlockStack gap="400">
        {result && "tested" in result && <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>}
        {result && "created" in result && <Banner tone={result.warning ? "warning" : "success"}>{result.warning ?? `Connection “${result.created}” saved. Test it below.`}</Banner>}
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Connections</Text>
            {connections.length === 0 && <Text as="p" tone="subdued">No warehouse is connected yet.</Text>}
            {connections.map((c) => (
              <InlineStack key={c.id} gap="400" blockAlign="center" align="space-between">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">{c.name}</Text>
                  <Badge>{c.provider}</Badge>
                  {!c.enabled && <Badge tone="warning">off</Badge>}
                  <Text as="span" tone="subdued">{c.hasCredentials ? "credentials stored" : "no credentials"}</Text>
                </InlineStack>
                <InlineStack gap="200">
                  <Button url={`/app/connections/${c.id}/push`}>Pushes from the warehouse</Button>
                  <Form method="post">
                    <input type="hidden" name="intent" value="test" />
                    <input type="hidden" name="id" value={c.id} />
                    <Button submit loading={busy}>Test connection</Button>
                  </Form>
                </InlineStack>
              </InlineStack>
            ))}
          </BlockStack>
        </Card>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text as="h2" variant="headingMd">Add a connection</Text>
              <Select label="Provider" name="provider" options={providers.map((p) => ({ label: p.label, value: p.id }))} value={providerId} onChange={setProviderId} />
              <TextField label="Name" name="name" autoComplete="off" error={errors.name} helpText="How your team knows this warehouse, e.g. “GXO Leeds”." />
              {provider?.fields.map((f) => (
                <TextField key={`${provider.id}-${f.name}`} label={f.label} name={f.name} type={f.multiline ? "text" : f.type} multiline={f.multiline ? 4 : undefined} autoComplete="off" requiredIndicator={f.required} helpText={f.helpText} error={errors[f.name]} />
              ))}
              <Button submit variant="primary" loading={busy}>Save connection</Button>
            </FormLayout>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}
