// Editing one section of the mapping settings on a page: the form state, the same checks the server
// runs (row schemas, facility references, duplicates) while the merchant types, and saving. Problems
// are placed on their cells and fields; after a save, the server's problems join them until the next
// edit. A new version from the server (after a save or an import) replaces the form.
import { Link as RemixLink, useFetcher } from "@remix-run/react";
import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { checkSettings, memoisedRowChecker } from "~/modules/mapping/check-mapping-settings";
import { applySection, memoisedRowConverter, type SectionForm } from "~/modules/mapping/mapping-sections";
import type { MappingTableKind } from "~/modules/mapping/mapping-tables";
import type { SaveSectionResult } from "~/modules/mapping/save-mapping-section.use-case";
import { describeIssueView, viewIssue, type IssueView } from "~/modules/mapping/settings-issue-view";

export type SaveResponse = SaveSectionResult | { ok: false; reason: "bad-request"; message: string; issues: IssueView[] };

// Rows keep their identity while other rows are edited, so only changed rows are checked again.
const convert = memoisedRowConverter();
const check = memoisedRowChecker();

function checkForm(form: SectionForm): IssueView[] {
  const doc = applySection({}, form, convert);
  return checkSettings(doc, check).map((issue) => viewIssue(issue, doc));
}

export interface SectionErrors {
  cell(kind: MappingTableKind, row: number, field: string): string | undefined;
  table(kind: MappingTableKind): string[];
  field(path: string): string | undefined;
  count: number;
}

function indexIssues(issues: IssueView[], form: SectionForm): SectionErrors {
  const mine = issues.filter((i) => i.section === form.section && (form.section !== "connection" || i.connectionId === form.connectionId));
  const cells = new Map<string, string>();
  const tables = new Map<string, string[]>();
  const fields = new Map<string, string>();
  for (const issue of mine) {
    if (issue.cell && issue.cell.row !== null && issue.cell.field !== null) {
      const key = `${issue.cell.kind}|${issue.cell.row}|${issue.cell.field}`;
      if (!cells.has(key)) cells.set(key, issue.message);
    } else if (issue.cell) {
      tables.set(issue.cell.kind, [...new Set([...(tables.get(issue.cell.kind) ?? []), issue.message])]);
    } else if (issue.field !== null && !fields.has(issue.field)) {
      fields.set(issue.field, issue.message);
    }
  }
  return {
    cell: (kind, row, field) => cells.get(`${kind}|${row}|${field}`),
    table: (kind) => tables.get(kind) ?? [],
    field: (path) => fields.get(path),
    count: cells.size + fields.size + [...tables.values()].reduce((n, t) => n + t.length, 0),
  };
}

export function useSectionEditor<F extends SectionForm>(loaded: F) {
  const [form, setForm] = useState(loaded);
  const [version, setVersion] = useState(loaded.version);
  const [serverIssues, setServerIssues] = useState<IssueView[]>([]);
  const fetcher = useFetcher<SaveResponse>();
  const [answered, setAnswered] = useState<SaveResponse | undefined>(undefined);
  // Adjusting state to new props during render (React's pattern for "reset when the source changes").
  if (loaded.version !== version) {
    setVersion(loaded.version);
    setForm(loaded);
    setServerIssues([]);
  }
  if (fetcher.data !== answered) {
    setAnswered(fetcher.data);
    setServerIssues(fetcher.data && !fetcher.data.ok ? fetcher.data.issues : []);
  }
  const checked = useDeferredValue(form);
  const clientIssues = useMemo(() => checkForm(checked), [checked]);
  const errors = useMemo(() => indexIssues([...serverIssues, ...clientIssues], form), [serverIssues, clientIssues, form]);
  const update = useCallback((change: (current: F) => F) => {
    setForm(change);
    setServerIssues([]);
  }, []);
  const save = () => fetcher.submit(form, { method: "post", encType: "application/json" });
  return { form, update, save, saving: fetcher.state !== "idle", response: fetcher.data, errors, resetKey: version };
}

/** What the last save did: saved (and which open exceptions a retry may now clear), or why not. */
export function SaveBanner({ response }: { response: SaveResponse | undefined }) {
  if (!response) return null;
  if (!response.ok) {
    return (
      <Banner tone="critical" title={response.message}>
        {response.issues.length > 0 && (
          <List>
            {response.issues.map((issue, i) => (
              <List.Item key={i}>{describeIssueView(issue)}</List.Item>
            ))}
          </List>
        )}
      </Banner>
    );
  }
  return (
    <Banner tone="success" title="Settings saved. New orders use them from now on.">
      <OpenExceptions counts={response.openExceptions} />
    </Banner>
  );
}

/** Orders are not re-mapped when settings change: the merchant retries them (docs/decisions/0015). */
export function OpenExceptions({ counts, empty = null }: { counts: { kind: string; count: number }[]; empty?: string | null }) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (total === 0) return empty ? <Text as="p">{empty}</Text> : null;
  return (
    <BlockStack gap="100">
      <Text as="p">
        {`${total} open ${total === 1 ? "exception waits" : "exceptions wait"} for a mapping fix. Orders are not mapped again by themselves: once the settings are right, retry ${total === 1 ? "it" : "them"} on the exceptions page.`}
      </Text>
      <InlineLinks counts={counts} />
    </BlockStack>
  );
}

function InlineLinks({ counts }: { counts: { kind: string; count: number }[] }) {
  return (
    <List>
      {counts.map((c) => (
        <List.Item key={c.kind}>
          <RemixLink to={`/app/exceptions?kind=${encodeURIComponent(c.kind)}`}>{`${c.kind} (${c.count})`}</RemixLink>
        </List.Item>
      ))}
    </List>
  );
}
