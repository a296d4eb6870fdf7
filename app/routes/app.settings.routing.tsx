// Routing settings: the facilities (each a warehouse connection and the Shopify location it ships
// from), the rules that pick a facility for an order (first match wins, so their order matters), the
// facility for orders no rule matches, and what to do when Shopify assigned an order elsewhere.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, ChoiceList, Page, Select, Text } from "@shopify/polaris";
import { authenticateAdmin, container } from "~/composition.server";
import { CsvTools } from "~/components/settings/csv-tools";
import { EditableTable } from "~/components/settings/editable-table";
import { SaveBanner, useSectionEditor, type SaveResponse } from "~/components/settings/section-editor";
import { StoredProblems } from "~/components/settings/stored-problems";
import { routingFormSchema, sectionForm, type RoutingForm } from "~/modules/mapping/mapping-sections";
import type { Cells } from "~/modules/mapping/mapping-tables";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const view = await container().mappingSettings.read(shop);
  if (!view) throw new Response("This shop has no settings.", { status: 404 });
  return { form: sectionForm(view.doc, { section: "routing" }), connections: view.connections, problems: view.problems };
}

export async function action({ request }: ActionFunctionArgs): Promise<SaveResponse> {
  const { shop } = await authenticateAdmin(request);
  const parsed = routingFormSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: "bad-request", message: "That request was not understood. Reload the page and try again.", issues: [] };
  return container().mappingSettings.save({ shop, form: parsed.data });
}

const MISMATCH = [
  { label: "Raise an exception, so someone decides", value: "exception", helpText: "The order waits in the exceptions page until you move it in Shopify and retry." },
  { label: "Move the order to the facility's location", value: "move", helpText: "Loadbay moves the fulfillment order in Shopify, then sends it." },
];

export default function RoutingSettings() {
  const { form: loaded, connections, problems } = useLoaderData<typeof loader>();
  const editor = useSectionEditor<RoutingForm>(loaded);
  const { form, update, errors } = editor;
  const setFacilities = (facilities: Cells[]) => update((f) => ({ ...f, facilities }));
  const setRouting = (routing: Partial<RoutingForm["routing"]>) => update((f) => ({ ...f, routing: { ...f.routing, ...routing } }));
  const connectionChoices = connections.map((c) => ({ label: c.name, value: c.id }));
  const facilityChoices = [
    { label: "None: raise an exception", value: "" },
    ...form.facilities.flatMap((f) => {
      const code = (f.code ?? "").trim().toUpperCase();
      return code ? [{ label: f.name ? `${code} (${f.name})` : code, value: code }] : [];
    }),
  ];
  if (!facilityChoices.some((c) => c.value === form.routing.defaultFacilityCode)) facilityChoices.push({ label: form.routing.defaultFacilityCode, value: form.routing.defaultFacilityCode });

  return (
    <Page fullWidth title="Routing" backAction={{ content: "Mapping settings", url: "/app/settings" }} primaryAction={{ content: "Save", onAction: editor.save, loading: editor.saving }}>
      <BlockStack gap="400">
        <StoredProblems problems={problems} section="routing" />
        <SaveBanner response={editor.response} />
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Facilities</Text>
            <Text as="p" tone="subdued">
              A facility is one warehouse site: the code Loadbay uses for it, the warehouse connection that receives its orders and the Shopify location its stock and fulfillments belong to.
            </Text>
            <EditableTable
              key={`facilities-${editor.resetKey}`}
              kind="facilities"
              rows={form.facilities}
              onChange={setFacilities}
              cellError={(row, field) => errors.cell("facilities", row, field)}
              tableErrors={errors.table("facilities")}
              choices={{ connectionId: connectionChoices }}
              placeholders={{ code: "LEEDS", shopifyLocationId: "gid://shopify/Location/…" }}
              newRow={() => ({ code: "", name: "", connectionId: connections[0]?.id ?? "", shopifyLocationId: "" })}
              item={{ singular: "facility", plural: "facilities" }}
            />
            <CsvTools table={{ kind: "facilities", connectionId: null }} />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Routing rules</Text>
            <Text as="p" tone="subdued">
              Rules are tried from the top; the first rule whose conditions all hold picks the facility. Leave a condition empty to ignore it. Separate several values with “;”, for example “GB;IE”. A rule with SKU prefixes takes only the lines whose SKU starts with one.
            </Text>
            <EditableTable
              key={`rules-${editor.resetKey}`}
              kind="routing-rules"
              rows={form.routing.rules}
              onChange={(rules) => setRouting({ rules })}
              cellError={(row, field) => errors.cell("routing-rules", row, field)}
              tableErrors={errors.table("routing-rules")}
              placeholders={{ country: "GB;IE", postcodePrefix: "LS;BD1", facilityCode: "LEEDS" }}
              reorderable
              item={{ singular: "rule", plural: "rules" }}
            />
            <CsvTools table={{ kind: "routing-rules", connectionId: null }} />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">When no rule matches</Text>
            <Select
              label="Default facility"
              options={facilityChoices}
              value={form.routing.defaultFacilityCode}
              onChange={(defaultFacilityCode) => setRouting({ defaultFacilityCode })}
              error={errors.field("routing.defaultFacilityCode")}
              helpText="Orders no rule matches go here. With none, they wait as exceptions."
            />
          </BlockStack>
        </Card>
        <Card>
          <ChoiceList
            title="When Shopify assigned the order to another location than the facility's"
            choices={MISMATCH}
            selected={[form.routing.onLocationMismatch]}
            onChange={([onLocationMismatch]) => setRouting({ onLocationMismatch: onLocationMismatch ?? "exception" })}
            error={errors.field("routing.onLocationMismatch")}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
