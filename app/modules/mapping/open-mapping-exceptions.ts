// The exceptions a mapping settings change can fix. They are not re-mapped on save: the merchant
// retries them (by kind, or a selection) on the exceptions page (docs/decisions/0015).
import { MAPPING_PROBLEM_KINDS } from "./mapping-problem";
import type { OpenExceptionCounts } from "./mapping-settings.ports";

const KINDS: ReadonlySet<string> = new Set([...MAPPING_PROBLEM_KINDS, "invalid-mapping-settings"]);

export async function openMappingExceptions(exceptions: OpenExceptionCounts, shop: string): Promise<{ kind: string; count: number }[]> {
  return (await exceptions.countsByKind(shop, "open")).filter((c) => KINDS.has(c.kind));
}
