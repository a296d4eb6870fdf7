// Saved settings that no longer validate (written before a rule became stricter, or outside these
// pages): the page shows them where they are and lists them here, so they can be fixed and saved.
import { Banner, List } from "@shopify/polaris";
import type { SectionName } from "~/modules/mapping/mapping-sections";
import { describeIssueView, type IssueView } from "~/modules/mapping/settings-issue-view";

export function StoredProblems({ problems, section, connectionId }: { problems: IssueView[]; section?: SectionName; connectionId?: string }) {
  const shown = problems.filter((p) => section === undefined || (p.section === section && (connectionId === undefined || p.connectionId === connectionId)));
  if (shown.length === 0) return null;
  return (
    <Banner tone="warning" title="The saved settings have problems. Orders are not mapped until they are fixed and saved.">
      <List>
        {shown.map((p, i) => (
          <List.Item key={i}>{describeIssueView(p)}</List.Item>
        ))}
      </List>
    </Banner>
  );
}
