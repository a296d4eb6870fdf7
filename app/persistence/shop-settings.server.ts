// One section of `shop.settings` (e.g. `operations`, `inventory`) replaced in a single statement, so a
// concurrent save of another section is never lost; `updatedAt` always moves forward, which is what
// invalidates settings every process caches.
import type { Db } from "~/lib/db.server";

export async function writeSettingsSection(db: Db, shop: string, section: string, value: unknown): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE "shop"
    SET "settings" = jsonb_set(CASE WHEN jsonb_typeof("settings") = 'object' THEN "settings" ELSE '{}'::jsonb END, ARRAY[${section}]::text[], ${JSON.stringify(value)}::jsonb, true),
        "updatedAt" = GREATEST(now(), "updatedAt" + interval '1 millisecond')
    WHERE "domain" = ${shop}`;
  return changed === 1;
}
