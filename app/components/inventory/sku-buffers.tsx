// The per-SKU buffers as an editable list: SKU, units or percent, value; each row posts its three fields in
// order (see inventory-settings-form.ts) and shows the server's sentence under the field it is about.
import { BlockStack, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";

export interface SkuBufferRow {
  id: number;
  sku: string;
  kind: "units" | "percent";
  value: string;
}

const KINDS = [
  { label: "units", value: "units" },
  { label: "%", value: "percent" },
];

let lastId = 0;
export const newRowId = () => ++lastId;

export function SkuBuffers({ rows, onChange, errors }: { rows: SkuBufferRow[]; onChange(rows: SkuBufferRow[]): void; errors: Record<string, string> }) {
  const edit = (id: number, change: Partial<SkuBufferRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <BlockStack gap="200">
      {rows.length === 0 && <Text as="p" tone="subdued">No SKU has its own buffer; every SKU uses the global one.</Text>}
      {rows.map((r, i) => (
        <InlineStack key={r.id} gap="200" blockAlign="start" wrap={false}>
          <div style={{ flex: 2 }}>
            <TextField label={`SKU, row ${i + 1}`} labelHidden name="skuBuffer.sku" placeholder="Base SKU" value={r.sku} onChange={(sku) => edit(r.id, { sku })} error={errors[`skuBuffers.${i}.sku`]} autoComplete="off" />
          </div>
          <div style={{ flex: 1 }}>
            <TextField label={`Buffer, row ${i + 1}`} labelHidden name="skuBuffer.value" type="number" value={r.value} onChange={(value) => edit(r.id, { value })} error={errors[`skuBuffers.${i}.value`]} autoComplete="off" />
          </div>
          <Select label={`Buffer unit, row ${i + 1}`} labelHidden name="skuBuffer.kind" options={KINDS} value={r.kind} onChange={(kind) => edit(r.id, { kind: kind === "percent" ? "percent" : "units" })} />
          <Button accessibilityLabel={`Remove row ${i + 1}`} onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>Remove</Button>
        </InlineStack>
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...rows, { id: newRowId(), sku: "", kind: "units", value: "0" }])}>Add SKU buffer</Button>
      </InlineStack>
    </BlockStack>
  );
}
