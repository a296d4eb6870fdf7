// An editable mapping table: one text field (or choice) per cell, with the problem written under the
// cell; add, remove and (where order matters) move rows. Large tables are filtered and shown a page
// at a time, so a map of thousands of rows never renders thousands of inputs. Row numbers are the
// rows' places in the whole table, the numbers problem lists refer to.
import { BlockStack, Button, Checkbox, InlineStack, Pagination, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { emptyCells, TABLES, type Cells, type MappingTableKind } from "~/modules/mapping/mapping-tables";

export interface Choice {
  label: string;
  value: string;
}

export interface EditableTableProps {
  kind: MappingTableKind;
  rows: Cells[];
  onChange(rows: Cells[]): void;
  /** The problem with one cell, if any (row = place in the whole table). */
  cellError(row: number, field: string): string | undefined;
  /** Problems with the table as a whole (an alias loop). */
  tableErrors?: string[];
  /** Columns edited by choosing, not typing. */
  choices?: Partial<Record<string, Choice[]>>;
  /** Hints shown as placeholders ("GB;IE"). */
  placeholders?: Partial<Record<string, string>>;
  /** Rows can be moved up and down: the order means something (routing rules). */
  reorderable?: boolean;
  /** What "Add" adds; empty cells by default. */
  newRow?: () => Cells;
  item: { singular: string; plural: string };
  pageSize?: number;
}

let lastId = 0;
const newIds = (count: number) => Array.from({ length: count }, () => ++lastId);

export function EditableTable(props: EditableTableProps) {
  const { kind, rows, onChange, item, pageSize = 25 } = props;
  const def = TABLES[kind];
  // Stable React keys: a row keeps its key while it is edited or moved. Remount the table to reset.
  const [ids, setIds] = useState(() => newIds(rows.length));
  const [query, setQuery] = useState("");
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(0);
  const keys = ids.length === rows.length ? ids : [...ids.slice(0, rows.length), ...newIds(Math.max(0, rows.length - ids.length))];

  const hasProblem = (i: number) => def.headers.some((h) => props.cellError(i, h) !== undefined);
  const needle = query.trim().toLowerCase();
  const visible = rows.flatMap((cells, i) =>
    (!needle || Object.values(cells).some((v) => v.toLowerCase().includes(needle))) && (!onlyProblems || hasProblem(i)) ? [i] : [],
  );
  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * pageSize, (current + 1) * pageSize);

  const change = (next: Cells[], nextIds: number[]) => {
    setIds(nextIds);
    onChange(next);
  };
  const setCell = (i: number, field: string, value: string) => change(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)), keys);
  const remove = (i: number) => change(rows.filter((_, j) => j !== i), keys.filter((_, j) => j !== i));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const nextIds = [...keys];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    [nextIds[i], nextIds[i + by]] = [nextIds[i + by]!, nextIds[i]!];
    change(next, nextIds);
  };
  const add = () => {
    setQuery("");
    setOnlyProblems(false);
    setPage(Math.floor(rows.length / pageSize));
    change([...rows, props.newRow?.() ?? emptyCells(kind)], [...keys, ...newIds(1)]);
  };

  return (
    <BlockStack gap="300">
      {(props.tableErrors ?? []).map((e) => (
        <Text key={e} as="p" tone="critical">{e}</Text>
      ))}
      {rows.length > pageSize && (
        <InlineStack gap="400" blockAlign="end">
          <div style={{ minWidth: 280 }}>
            <TextField label={`Find ${item.plural}`} value={query} onChange={(v) => (setQuery(v), setPage(0))} autoComplete="off" clearButton onClearButtonClick={() => setQuery("")} />
          </div>
          <Checkbox label="Only rows with problems" checked={onlyProblems} onChange={(v) => (setOnlyProblems(v), setPage(0))} />
        </InlineStack>
      )}
      {rows.length === 0 ? (
        <Text as="p" tone="subdued">{`No ${item.plural} yet.`}</Text>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table aria-label={def.title} style={{ borderCollapse: "collapse", width: "100%" }}>
            <thead>
              <tr>
                <th scope="col" style={HEAD}>#</th>
                {def.headers.map((h) => (
                  <th key={h} scope="col" style={HEAD}>{def.labels[h] ?? h}</th>
                ))}
                <th scope="col" style={HEAD}><span style={HIDDEN}>Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={keys[i]}>
                  <td style={{ ...CELL, width: 40 }}><Text as="span" tone="subdued">{i + 1}</Text></td>
                  {def.headers.map((h) => (
                    <td key={h} style={{ ...CELL, minWidth: 140 }}>
                      <Cell
                        label={`${def.labels[h] ?? h}, row ${i + 1}`}
                        value={rows[i]?.[h] ?? ""}
                        error={props.cellError(i, h)}
                        choices={props.choices?.[h]}
                        placeholder={props.placeholders?.[h]}
                        onChange={(v) => setCell(i, h, v)}
                      />
                    </td>
                  ))}
                  <td style={{ ...CELL, whiteSpace: "nowrap" }}>
                    <InlineStack gap="100" wrap={false}>
                      {props.reorderable && (
                        <>
                          <Button variant="tertiary" accessibilityLabel={`Move row ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</Button>
                          <Button variant="tertiary" accessibilityLabel={`Move row ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</Button>
                        </>
                      )}
                      <Button variant="tertiary" tone="critical" accessibilityLabel={`Remove row ${i + 1}`} onClick={() => remove(i)}>Remove</Button>
                    </InlineStack>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InlineStack gap="400" align="space-between" blockAlign="center">
        <Button onClick={add}>{`Add ${item.singular}`}</Button>
        {visible.length > pageSize && (
          <Pagination
            hasPrevious={current > 0}
            onPrevious={() => setPage(current - 1)}
            hasNext={current < pages - 1}
            onNext={() => setPage(current + 1)}
            label={`Rows ${current * pageSize + 1}–${Math.min(visible.length, (current + 1) * pageSize)} of ${visible.length}`}
          />
        )}
        {rows.length > 0 && visible.length === 0 && <Text as="p" tone="subdued">{`No ${item.plural} match.`}</Text>}
      </InlineStack>
    </BlockStack>
  );
}

function Cell(props: { label: string; value: string; error?: string; choices?: Choice[]; placeholder?: string; onChange(value: string): void }) {
  if (props.choices) {
    // A stored value that is no longer a choice (a deleted connection) stays visible, not silently replaced.
    const known = props.choices.some((c) => c.value === props.value);
    const options = known ? props.choices : [{ label: props.value ? `${props.value} (unknown)` : "Choose…", value: props.value }, ...props.choices];
    return <Select label={props.label} labelHidden options={options} value={props.value} onChange={props.onChange} error={props.error} />;
  }
  return <TextField label={props.label} labelHidden value={props.value} onChange={props.onChange} error={props.error} placeholder={props.placeholder} autoComplete="off" size="slim" />;
}

const HEAD: React.CSSProperties = { textAlign: "left", padding: "6px 8px", borderBottom: "1px solid var(--p-color-border)", fontWeight: 600, whiteSpace: "nowrap" };
const CELL: React.CSSProperties = { padding: "6px 8px", verticalAlign: "top", borderBottom: "1px solid var(--p-color-border-secondary)" };
const HIDDEN: React.CSSProperties = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" };
