// CSV export and import of one mapping table. Export downloads through fetch (inside the Shopify admin
// App Bridge adds the session token to fetch; a plain link would carry none). Import uploads the file
// to the table's CSV route; the route replaces the table only when every row is good, otherwise the
// page lists each bad row by its row in the file.
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, List, Text } from "@shopify/polaris";
import { useState } from "react";
import type { ImportTableResult } from "~/modules/mapping/import-mapping-table.use-case";
import { describeCsvError } from "~/modules/mapping/csv-row-error";
import { TABLES, type TableRef } from "~/modules/mapping/mapping-tables";
import { OpenExceptions } from "./section-editor";

export const csvUrl = (table: TableRef) =>
  `/app/settings/csv/${table.kind}${table.connectionId === null ? "" : `?connectionId=${encodeURIComponent(table.connectionId)}`}`;

export function CsvTools({ table }: { table: TableRef }) {
  const { noun } = TABLES[table.kind];
  const fetcher = useFetcher<ImportTableResult>();
  const [file, setFile] = useState<File | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const url = csvUrl(table);
  const inputId = `csv-${table.kind}`;

  async function exportCsv() {
    setExporting(true);
    setExportProblem(null);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `${table.kind}.csv`;
      saveFile(await response.blob(), name);
    } catch {
      setExportProblem(`The ${noun} could not be exported. Try again in a moment.`);
    } finally {
      setExporting(false);
    }
  }

  function importCsv() {
    if (!file) return;
    const data = new FormData();
    data.set("file", file);
    fetcher.submit(data, { method: "post", action: url, encType: "multipart/form-data" });
  }

  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <BlockStack gap="200">
      <InlineStack gap="300" blockAlign="center">
        <Button onClick={exportCsv} loading={exporting}>{`Export ${noun} (CSV)`}</Button>
        <label htmlFor={inputId}>
          <Text as="span" visuallyHidden>{`CSV file of ${noun} to import`}</Text>
        </label>
        <input id={inputId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <Button onClick={importCsv} disabled={!file} loading={fetcher.state !== "idle"}>{`Import ${noun} (CSV)`}</Button>
      </InlineStack>
      <Text as="p" tone="subdued">
        {`An import replaces all ${noun} with the rows of the file, and discards unsaved changes on this page. If any row has a problem, nothing changes.`}
      </Text>
      {exportProblem && <Banner tone="critical">{exportProblem}</Banner>}
      {result?.ok === true && (
        <Banner tone="success" title={`${result.message} New orders use them from now on.`}>
          <OpenExceptions counts={result.openExceptions} />
        </Banner>
      )}
      {result?.ok === false && (
        <Banner tone="critical" title={result.message}>
          <List>
            {result.errors.map((e, i) => (
              <List.Item key={i}>{describeCsvError(e)}</List.Item>
            ))}
          </List>
        </Banner>
      )}
    </BlockStack>
  );
}

function saveFile(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
