// Saving one section of the mapping settings from its page: the section replaces its part of the
// stored document, the whole document is validated (so a rule cannot point at a facility that does
// not exist), and it is stored only when every value is right. A page that shows an older version
// of the section is refused rather than allowed to overwrite what someone else saved.
import { validateSettings } from "./check-mapping-settings";
import { applySection, sectionVersion, type SectionForm, type SectionRef } from "./mapping-sections";
import type { MappingSettingsStore, OpenExceptionCounts } from "./mapping-settings.ports";
import type { MappingSettings } from "./mapping-settings.schema";
import { asRecord } from "./mapping-tables";
import { openMappingExceptions } from "./open-mapping-exceptions";
import { viewIssue, type IssueView } from "./settings-issue-view";

export interface MappingSettingsDeps {
  store: MappingSettingsStore;
  exceptions: OpenExceptionCounts;
}

type Refusal = { ok: false; reason: "not-found" | "stale" | "invalid"; message: string; issues: IssueView[] };
export type SaveSectionResult = { ok: true; openExceptions: { kind: string; count: number }[] } | Refusal;

export const NOT_FOUND: Refusal = { ok: false, reason: "not-found", message: "This shop has no settings yet. Open Loadbay from your Shopify admin and try again.", issues: [] };
const STALE: Refusal = {
  ok: false,
  reason: "stale",
  message: "These settings were changed elsewhere after this page was opened (in another tab, by a colleague or by a CSV import). Nothing was saved: reload the page to see the current settings, then make your change again.",
  issues: [],
};

export async function saveMappingSection(deps: MappingSettingsDeps, input: { shop: string; form: SectionForm }): Promise<SaveSectionResult> {
  const outcome = await deps.store.update(input.shop, (stored) => decide(stored, input.form));
  if (outcome === null) return NOT_FOUND;
  if (!outcome.ok) return outcome;
  return { ok: true, openExceptions: await openMappingExceptions(deps.exceptions, input.shop) };
}

function decide(stored: unknown, form: SectionForm): { write: MappingSettings | null; result: { ok: true } | Refusal } {
  if (sectionVersion(asRecord(stored), refOf(form)) !== form.version) return { write: null, result: STALE };
  const candidate = applySection(stored, form);
  const validated = validateSettings(candidate);
  if (!validated.ok) {
    const issues = validated.issues.map((i) => viewIssue(i, candidate));
    const count = issues.length === 1 ? "one problem" : `${issues.length} problems`;
    return { write: null, result: { ok: false, reason: "invalid", message: `Nothing was saved: fix the ${count} below, then save again.`, issues } };
  }
  return { write: validated.settings, result: { ok: true } };
}

const refOf = (form: SectionForm): SectionRef => (form.section === "connection" ? { section: "connection", connectionId: form.connectionId } : { section: form.section });
