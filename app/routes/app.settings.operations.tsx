// Operations settings: how dispatches come back into Shopify (customer notification, the warehouse status
// as a tag or metafield) and when an order counts as stuck (thresholds, the warehouse's week and cut-offs).
// The server validates with the same schema every reader uses and answers a sentence per rejected field.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, Button, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticateAdmin, container } from "~/composition.server";
import { CUT_OFF_PREFIX } from "~/modules/operations/operations-settings-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const page = await container().operationsSettings.read(shop);
  if (!page) throw new Response("This shop has no settings.", { status: 404 });
  return page;
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const entries = [...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const result = await container().operationsSettings.save({ shop, entries });
  if (!result) return { errors: { form: "This shop is not installed, so nothing was saved." } as Record<string, string> };
  return result.ok ? { saved: true as const } : { errors: result.errors };
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((label, i) => ({ label, value: String(i + 1) }));

export default function OperationsSettingsPage() {
  const { settings, connections } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = (answer && "errors" in answer ? answer.errors : undefined) ?? {};
  const { fulfilment: f, stuck: s } = settings;
  // Controlled fields keep what the merchant typed when the server sends errors back.
  const [values, setValues] = useState<Record<string, string>>({
    statusTagPrefix: f.statusTagPrefix,
    statusMetafieldKey: f.statusMetafieldKey,
    releasedNotSentMinutes: String(s.releasedNotSentMinutes),
    notDispatchedWorkingHours: String(s.notDispatchedWorkingHours),
    workdayStart: s.workdayStart,
    workdayEnd: s.workdayEnd,
    defaultCutOff: s.defaultCutOff,
    ...Object.fromEntries(connections.map((c) => [`${CUT_OFF_PREFIX}${c.id}`, s.cutOffTimes[c.id] ?? ""])),
  });
  const [checks, setChecks] = useState({ notifyCustomer: f.notifyCustomer, statusTag: f.statusTag, statusMetafield: f.statusMetafield });
  const [days, setDays] = useState(s.workingDays.map(String));
  const text = (name: string, label: string, more: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={label} name={name} value={values[name] ?? ""} onChange={(v) => setValues((old) => ({ ...old, [name]: v }))} error={errors[name]} autoComplete="off" {...more} />
  );
  const check = (name: keyof typeof checks, label: string, helpText: string) => (
    <Checkbox label={label} name={name} checked={checks[name]} onChange={(v) => setChecks((old) => ({ ...old, [name]: v }))} helpText={helpText} />
  );
  const problems = Object.keys(errors).length;

  return (
    <Page title="Operations settings" subtitle="Dispatches back into Shopify, and when an order counts as stuck" backAction={{ content: "Settings", url: "/app/settings" }}>
      <Form method="post">
        <Layout>
          {answer && (
            <Layout.Section>
              {"saved" in answer ? (
                <Banner tone="success">The operations settings are saved.</Banner>
              ) : (
                <Banner tone="critical" title="Nothing was saved">
                  {errors.form ?? `${problems === 1 ? "One field needs" : `${problems} fields need`} attention; each says what is wrong below it.`}
                </Banner>
              )}
            </Layout.Section>
          )}
          <Layout.AnnotatedSection title="Dispatches in Shopify" description="What Loadbay does on the Shopify order when the warehouse dispatches.">
            <Card>
              <FormLayout>
                {check("notifyCustomer", "Notify the customer", "Shopify emails the customer for each fulfillment Loadbay creates.")}
                {check("statusTag", "Show the warehouse status as a tag", "A tag such as warehouse-partially-shipped on the order. Tags can start Shopify Flow and other apps' automations; each change uses 20 points of Shopify's rate limit.")}
                {text("statusTagPrefix", "Tag prefix", { helpText: "Tags read <prefix>-<status>." })}
                {check("statusMetafield", "Show the warehouse status in a metafield", "A single-line text metafield on the order; each change uses 10 points of Shopify's rate limit.")}
                {text("statusMetafieldKey", "Metafield", { helpText: "As namespace.key." })}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Stuck orders" description="When the overview lists an order as stuck.">
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  {text("releasedNotSentMinutes", "Minutes to send a released order", { type: "number", helpText: "Released but not sent to the warehouse after this long is stuck." })}
                  {text("notDispatchedWorkingHours", "Working hours to dispatch", { type: "number", helpText: "At the warehouse without a dispatch after this many working hours is stuck." })}
                </FormLayout.Group>
                <ChoiceList title="Working days" allowMultiple name="workingDays" choices={WEEKDAYS} selected={days} onChange={setDays} error={errors.workingDays} />
                <FormLayout.Group>
                  {text("workdayStart", "Working day starts", { type: "time" })}
                  {text("workdayEnd", "Working day ends", { type: "time", helpText: "An end before the start is a night shift." })}
                </FormLayout.Group>
                {text("defaultCutOff", "Cut-off", { type: "time", helpText: "Orders the warehouse receives later are picked the next working day." })}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Cut-off per warehouse" description="Leave a warehouse empty to use the cut-off above. Times are in the shop's time zone.">
            <Card>
              {connections.length === 0 ? (
                <Text as="p" tone="subdued">No warehouse is connected yet; every warehouse will use the cut-off above.</Text>
              ) : (
                <FormLayout>
                  {connections.map((c) => (
                    <div key={c.id}>{text(`${CUT_OFF_PREFIX}${c.id}`, `Cut-off for ${c.name}`, { type: "time" })}</div>
                  ))}
                </FormLayout>
              )}
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
