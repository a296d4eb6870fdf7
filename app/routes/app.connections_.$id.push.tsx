// Setting up warehouse pushes for one connection: how the warehouse proves a push is its own (an HMAC
// signature or basic auth), and new credentials, shown once, with the addresses to give the warehouse.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, FormLayout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const id = z.uuid().safeParse(params.id);
  const connection = id.success ? (await container().connections.list(shop)).find((c) => c.id === id.data) : undefined;
  if (!connection) throw new Response("This warehouse connection does not exist.", { status: 404 });
  return { connection: { id: connection.id, name: connection.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const id = z.uuid().safeParse(params.id);
  if (!id.success) return { ok: false as const, errors: { mode: "That connection does not exist." } };
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  return container().setUpPush({ shop, connectionId: id.data, appUrl: container().env.SHOPIFY_APP_URL, form });
}

export default function PushSetUp() {
  const { connection } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [mode, setMode] = useState("hmac-sha256");
  const errors = result && !result.ok ? result.errors : {};
  return (
    <Page title={`Pushes from ${connection.name}`} backAction={{ content: "Connections", url: "/app/connections" }}>
      <BlockStack gap="400">
        {result?.ok && (
          <Banner tone="success" title="New credentials made. Copy the secret now: it is not shown again.">
            <BlockStack gap="200">
              <Text as="p">Secret: <code data-testid="push-secret">{result.secret}</code></Text>
              <Text as="p">Dispatches: <code>{result.endpoints.dispatches}</code></Text>
              <Text as="p">Stock: <code>{result.endpoints.stock}</code></Text>
              <Text as="p">Orders to pull (OrderWise): <code>{result.endpoints.orders}</code></Text>
              <Text as="p">Acknowledgements (OrderWise): <code>{result.endpoints.acknowledgements}</code></Text>
            </BlockStack>
          </Banner>
        )}
        <Card>
          <Form method="post">
            <FormLayout>
              <Text as="p">
                Warehouses that send dispatches or stock to Loadbay (instead of Loadbay fetching them) must prove each push is theirs. Choose what
                the warehouse supports. Making new credentials replaces the old ones at once.
              </Text>
              <Select
                label="How the warehouse signs pushes"
                name="mode"
                options={[{ label: "HMAC-SHA256 signature of the body", value: "hmac-sha256" }, { label: "Basic auth (user name and password)", value: "basic" }]}
                value={mode}
                onChange={setMode}
                error={errors.mode}
              />
              {mode === "hmac-sha256" ? (
                <FormLayout.Group>
                  <TextField label="Signature header" name="header" autoComplete="off" placeholder="X-Loadbay-Hmac-Sha256" error={errors.header} />
                  <Select label="Signature encoding" name="encoding" options={[{ label: "Base64", value: "base64" }, { label: "Hex", value: "hex" }]} />
                </FormLayout.Group>
              ) : (
                <TextField label="User name the warehouse sends" name="username" autoComplete="off" error={errors.username} />
              )}
              <Box>
                <Button submit variant="primary" loading={busy}>Make new credentials</Button>
              </Box>
            </FormLayout>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}
