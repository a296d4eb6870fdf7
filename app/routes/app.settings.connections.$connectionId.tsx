// One warehouse connection's profile: what it is called, its service codes, what SKUs it takes (and
// the aliases that translate ours into its own), the fields it insists on, its address limits and
// which of its fields receive the order's references.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, Checkbox, ChoiceList, FormLayout, InlineGrid, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";
import { CsvTools } from "~/components/settings/csv-tools";
import { EditableTable } from "~/components/settings/editable-table";
import { SaveBanner, useSectionEditor, type SaveResponse } from "~/components/settings/section-editor";
import { StoredProblems } from "~/components/settings/stored-problems";
import { connectionFormSchema, sectionForm, type ConnectionForm } from "~/modules/mapping/mapping-sections";
import { SKU_CHARACTER_PRESETS } from "~/modules/mapping/mapping-settings.schema";
import { profileOf } from "~/modules/mapping/mapping-tables";

const idSchema = z.string().trim().min(1).max(100);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const id = idSchema.safeParse(params.connectionId);
  const view = id.success ? await container().mappingSettings.read(shop) : null;
  const connection = view?.connections.find((c) => c.id === id.data) ?? null;
  if (!view || !id.success || (!connection && !profileOf(view.doc, id.data))) throw new Response("There is no such warehouse connection.", { status: 404 });
  return { form: sectionForm(view.doc, { section: "connection", connectionId: id.data }), connection, problems: view.problems };
}

export async function action({ request, params }: ActionFunctionArgs): Promise<SaveResponse> {
  const { shop } = await authenticateAdmin(request);
  const parsed = connectionFormSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success || parsed.data.connectionId !== params.connectionId) {
    return { ok: false, reason: "bad-request", message: "That request was not understood. Reload the page and try again.", issues: [] };
  }
  return container().mappingSettings.save({ shop, form: parsed.data });
}

const MATCH_ON = [
  { label: "Shipping method name", value: "title" },
  { label: "Shipping method code", value: "code" },
  { label: "Carrier", value: "carrier" },
];
const PRESETS = [
  { label: "Any printable character except spaces", value: SKU_CHARACTER_PRESETS.printableAscii },
  { label: "Letters and digits only", value: SKU_CHARACTER_PRESETS.alphanumeric },
  { label: "Letters, digits, dot, dash and underscore", value: SKU_CHARACTER_PRESETS.alphanumericDashDotUnderscore },
  { label: "Other (a character class)", value: "other" },
];
const CASES = [
  { label: "Keep as in Shopify", value: "preserve" },
  { label: "UPPER CASE", value: "upper" },
  { label: "lower case", value: "lower" },
];
const REFERENCES = [
  ["poNumber", "PO number"],
  ["orderNumber", "Order number"],
  ["customerOrganisation", "Company name"],
  ["deliveryInstructions", "Delivery instructions"],
  ["requestedDeliveryDate", "Requested delivery date"],
] as const;
const REQUIRED = [
  ["phone", "Phone number"],
  ["poNumber", "PO number"],
  ["email", "Email address"],
  ["company", "Company name"],
] as const;

export default function ConnectionSettings() {
  const { form: loaded, connection, problems } = useLoaderData<typeof loader>();
  const editor = useSectionEditor<ConnectionForm>(loaded);
  const { form, update, errors } = editor;
  const [otherCharacters, setOtherCharacters] = useState(() => !PRESETS.some((p) => p.value === loaded.sku.allowedCharacters));
  const set = <K extends "sku" | "address" | "references" | "requiredFields" | "serviceCodes">(key: K, change: Partial<ConnectionForm[K]>) =>
    update((f) => ({ ...f, [key]: { ...f[key], ...change } }));
  const title = connection?.name ?? (form.name || form.connectionId);

  return (
    <Page
      title={title}
      subtitle="Warehouse mapping settings"
      titleMetadata={connection ? <Badge>{connection.provider}</Badge> : <Badge tone="warning">connection removed</Badge>}
      backAction={{ content: "Mapping settings", url: "/app/settings" }}
      primaryAction={{ content: "Save", onAction: editor.save, loading: editor.saving }}
    >
      <BlockStack gap="400">
        <StoredProblems problems={problems} section="connection" connectionId={form.connectionId} />
        <SaveBanner response={editor.response} />
        <Card>
          <FormLayout>
            <Text as="h2" variant="headingMd">Warehouse</Text>
            <FormLayout.Group>
              <TextField label="Warehouse name" value={form.name} onChange={(name) => update((f) => ({ ...f, name }))} error={errors.field("name")} autoComplete="off" helpText="How messages name this warehouse. Empty: the facility’s name." />
              <TextField label="Order key prefix" value={form.orderKeyPrefix} onChange={(orderKeyPrefix) => update((f) => ({ ...f, orderKeyPrefix }))} error={errors.field("orderKeyPrefix")} autoComplete="off" helpText="Starts every order key this warehouse receives: 1 to 6 letters or digits. Change it only before the first order is sent." />
            </FormLayout.Group>
          </FormLayout>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">Service codes</Text>
            <Text as="p" tone="subdued">Which warehouse service each Shopify shipping method becomes. Case and spacing do not matter.</Text>
            <EditableTable
              key={`services-${editor.resetKey}`}
              kind="service-codes"
              rows={form.serviceCodes.rows}
              onChange={(rows) => set("serviceCodes", { rows })}
              cellError={(row, field) => errors.cell("service-codes", row, field)}
              tableErrors={errors.table("service-codes")}
              choices={{ matchOn: MATCH_ON }}
              placeholders={{ value: "Express B2B", serviceCode: "NDAY" }}
              newRow={() => ({ matchOn: "title", value: "", serviceCode: "" })}
              item={{ singular: "service code", plural: "service codes" }}
            />
            <CsvTools table={{ kind: "service-codes", connectionId: form.connectionId }} />
            <TextField
              label="Default service code"
              value={form.serviceCodes.defaultCode}
              onChange={(defaultCode) => set("serviceCodes", { defaultCode })}
              error={errors.field("serviceCodes.defaultCode")}
              autoComplete="off"
              helpText="Used when no row matches. Empty: such orders wait as exceptions naming the shipping method."
            />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">SKUs</Text>
            <FormLayout>
              <FormLayout.Group>
                <Select
                  label="Characters the warehouse accepts"
                  options={PRESETS}
                  value={otherCharacters ? "other" : form.sku.allowedCharacters}
                  onChange={(value) => {
                    setOtherCharacters(value === "other");
                    if (value !== "other") set("sku", { allowedCharacters: value });
                  }}
                />
                {otherCharacters && (
                  <TextField label="Character class" value={form.sku.allowedCharacters} onChange={(allowedCharacters) => set("sku", { allowedCharacters })} error={errors.field("sku.allowedCharacters")} autoComplete="off" monospaced helpText="As inside [ ] of a regular expression, e.g. A-Z0-9_" />
                )}
                <TextField label="Longest SKU" type="number" value={form.sku.maxLength} onChange={(maxLength) => set("sku", { maxLength })} error={errors.field("sku.maxLength")} autoComplete="off" helpText="A longer SKU is never cut: the order waits as an exception." />
                <Select label="Letter case" options={CASES} value={form.sku.case} onChange={(value) => set("sku", { case: value })} error={errors.field("sku.case")} />
              </FormLayout.Group>
              {!otherCharacters && errors.field("sku.allowedCharacters") && <Text as="p" tone="critical">{errors.field("sku.allowedCharacters")}</Text>}
              <ChoiceList
                title="SKUs with other characters"
                choices={[
                  { label: "Raise an exception", value: "reject" },
                  { label: "Remove the characters the warehouse does not accept", value: "sanitise" },
                ]}
                selected={[form.sku.mode]}
                onChange={([mode]) => set("sku", { mode: mode ?? "reject" })}
                error={errors.field("sku.mode")}
              />
            </FormLayout>
            <Text as="h3" variant="headingSm">SKU aliases</Text>
            <Text as="p" tone="subdued">The warehouse’s SKU for one of yours. Chains are followed (A → B → C); loops are refused.</Text>
            <EditableTable
              key={`aliases-${editor.resetKey}`}
              kind="sku-aliases"
              rows={form.sku.aliases}
              onChange={(aliases) => set("sku", { aliases })}
              cellError={(row, field) => errors.cell("sku-aliases", row, field)}
              tableErrors={errors.table("sku-aliases")}
              item={{ singular: "alias", plural: "aliases" }}
            />
            <CsvTools table={{ kind: "sku-aliases", connectionId: form.connectionId }} />
          </BlockStack>
        </Card>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Required fields</Text>
              <Text as="p" tone="subdued">Orders missing one of these wait as exceptions saying what is missing.</Text>
              {REQUIRED.map(([key, label]) => (
                <Checkbox key={key} label={label} checked={form.requiredFields[key]} onChange={(on) => set("requiredFields", { [key]: on })} />
              ))}
            </BlockStack>
          </Card>
          <Card>
            <FormLayout>
              <Text as="h2" variant="headingMd">References</Text>
              <Text as="p" tone="subdued">The warehouse field that receives each reference. Empty: not sent.</Text>
              {REFERENCES.map(([key, label]) => (
                <TextField key={key} label={label} value={form.references[key]} onChange={(value) => set("references", { [key]: value })} error={errors.field(`references.${key}`)} autoComplete="off" monospaced />
              ))}
              {errors.field("references") && <Text as="p" tone="critical">{errors.field("references")}</Text>}
            </FormLayout>
          </Card>
        </InlineGrid>
        <Card>
          <FormLayout>
            <Text as="h2" variant="headingMd">Addresses</Text>
            <FormLayout.Group>
              <TextField label="Longest address line" type="number" value={form.address.lineMaxLength} onChange={(lineMaxLength) => set("address", { lineMaxLength })} error={errors.field("address.lineMaxLength")} autoComplete="off" />
              <TextField label="Street lines" type="number" value={form.address.maxLines} onChange={(maxLines) => set("address", { maxLines })} error={errors.field("address.maxLines")} autoComplete="off" />
              <TextField label="Longest name, company or city" type="number" value={form.address.fieldMaxLength} onChange={(fieldMaxLength) => set("address", { fieldMaxLength })} error={errors.field("address.fieldMaxLength")} autoComplete="off" helpText="Empty: no limit." />
            </FormLayout.Group>
            <ChoiceList
              title="Address lines that are too long"
              choices={[
                { label: "Continue on the next street line", value: "wrap" },
                { label: "Raise an exception", value: "reject" },
              ]}
              selected={[form.address.overflow]}
              onChange={([overflow]) => set("address", { overflow: overflow ?? "wrap" })}
              error={errors.field("address.overflow")}
            />
            <Checkbox label="Plain letters only: turn “Zürich” into “Zurich” (what cannot be turned raises an exception)" checked={form.address.transliterate} onChange={(transliterate) => set("address", { transliterate })} />
          </FormLayout>
        </Card>
      </BlockStack>
    </Page>
  );
}
