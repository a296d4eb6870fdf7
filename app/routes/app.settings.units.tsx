// Units of measure: which pack SKUs or variants stand for how many base units (a "case of 12" is 12
// of the base SKU), the patterns that recognise a pack without a row (held, never sent as one unit),
// and whether in-stock lines go ahead of a backorder.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Checkbox, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { authenticateAdmin, container } from "~/composition.server";
import { CsvTools } from "~/components/settings/csv-tools";
import { EditableTable } from "~/components/settings/editable-table";
import { SaveBanner, useSectionEditor, type SaveResponse } from "~/components/settings/section-editor";
import { StoredProblems } from "~/components/settings/stored-problems";
import { sectionForm, unitsFormSchema, type UnitsForm } from "~/modules/mapping/mapping-sections";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const view = await container().mappingSettings.read(shop);
  if (!view) throw new Response("This shop has no settings.", { status: 404 });
  return { form: sectionForm(view.doc, { section: "units" }), problems: view.problems };
}

export async function action({ request }: ActionFunctionArgs): Promise<SaveResponse> {
  const { shop } = await authenticateAdmin(request);
  const parsed = unitsFormSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: "bad-request", message: "That request was not understood. Reload the page and try again.", issues: [] };
  return container().mappingSettings.save({ shop, form: parsed.data });
}

export default function UnitsSettings() {
  const { form: loaded, problems } = useLoaderData<typeof loader>();
  const editor = useSectionEditor<UnitsForm>(loaded);
  const { form, update, errors } = editor;
  const setUnits = (units: Partial<UnitsForm["unitsOfMeasure"]>) => update((f) => ({ ...f, unitsOfMeasure: { ...f.unitsOfMeasure, ...units } }));

  return (
    <Page title="Units of measure" backAction={{ content: "Mapping settings", url: "/app/settings" }} primaryAction={{ content: "Save", onAction: editor.save, loading: editor.saving }}>
      <BlockStack gap="400">
        <StoredProblems problems={problems} section="units" />
        <SaveBanner response={editor.response} />
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Packs</Text>
            <Text as="p" tone="subdued">
              Each row turns a pack into base units for the warehouse: give the pack’s SKU or its variant ID (a variant row wins), the base SKU and how many base units one pack holds.
            </Text>
            <EditableTable
              key={`units-${editor.resetKey}`}
              kind="units-of-measure"
              rows={form.unitsOfMeasure.rows}
              onChange={(rows) => setUnits({ rows })}
              cellError={(row, field) => errors.cell("units-of-measure", row, field)}
              tableErrors={errors.table("units-of-measure")}
              placeholders={{ sku: "CASE-12-WIDGET", factor: "12" }}
              item={{ singular: "pack", plural: "packs" }}
            />
            <CsvTools table={{ kind: "units-of-measure", connectionId: null }} />
          </BlockStack>
        </Card>
        <Card>
          <FormLayout>
            <Text as="h2" variant="headingMd">Packs without a row</Text>
            <Text as="p" tone="subdued">
              A line whose SKU or title looks like a pack but has no row above waits as an exception instead of going to the warehouse as one unit. Patterns are regular expressions; case does not matter.
            </Text>
            <TextField
              label="Pack SKU pattern"
              value={form.unitsOfMeasure.packSkuPattern}
              onChange={(packSkuPattern) => setUnits({ packSkuPattern })}
              error={errors.field("unitsOfMeasure.packSkuPattern")}
              autoComplete="off"
              monospaced
            />
            <TextField
              label="Pack title pattern"
              value={form.unitsOfMeasure.packTitlePattern}
              onChange={(packTitlePattern) => setUnits({ packTitlePattern })}
              error={errors.field("unitsOfMeasure.packTitlePattern")}
              autoComplete="off"
              monospaced
            />
          </FormLayout>
        </Card>
        <Card>
          <Checkbox
            label="Split backorders: send the lines in stock now and the rest as their own warehouse order later"
            checked={form.backorderSplit}
            onChange={(backorderSplit) => update((f) => ({ ...f, backorderSplit }))}
            error={errors.field("backorderSplit")}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
