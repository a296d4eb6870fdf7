// One mapping table as CSV: GET downloads it, POST (multipart, field "file") replaces it with the rows
// of an uploaded file, all or nothing. Per-connection tables name their connection (?connectionId=).
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { z } from "zod";
import { authenticateAdmin, container } from "~/composition.server";
import { decodeCsv } from "~/modules/mapping/mapping-csv";
import { isTableKind, TABLES, type TableRef } from "~/modules/mapping/mapping-tables";

/** Room for the largest map (200,000 unit-of-measure rows) with long SKUs. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

const connectionIdSchema = z.string().trim().min(1).max(100);

function tableOf(kind: string | undefined, url: URL): TableRef | null {
  if (!kind || !isTableKind(kind)) return null;
  if (!TABLES[kind].perConnection) return { kind, connectionId: null };
  const connectionId = connectionIdSchema.safeParse(url.searchParams.get("connectionId"));
  return connectionId.success ? { kind, connectionId: connectionId.data } : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const table = tableOf(params.kind, new URL(request.url));
  if (!table) throw new Response("There is no such table.", { status: 404 });
  const file = await container().mappingSettings.exportTable({ shop, table });
  if (!file) throw new Response("This shop has no settings.", { status: 404 });
  return new Response(file.text, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await authenticateAdmin(request);
  const table = tableOf(params.kind, new URL(request.url));
  if (!table) return Response.json({ ok: false, message: "There is no such table.", errors: [] }, { status: 404 });
  const text = await uploadedText(request);
  if (typeof text !== "string") return Response.json({ ok: false, message: text.problem, errors: [] }, { status: 400 });
  return Response.json(await container().mappingSettings.importTable({ shop, table, text }));
}

async function uploadedText(request: Request): Promise<string | { problem: string }> {
  let file: FormDataEntryValue | null;
  try {
    file = (await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }))).get("file");
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { problem: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it or remove unused rows.` };
    return { problem: "The upload could not be read. Choose the CSV file again." };
  }
  if (!(file instanceof Blob) || file.size === 0) return { problem: "Choose a CSV file to import." };
  return decodeCsv(new Uint8Array(await file.arrayBuffer()));
}
