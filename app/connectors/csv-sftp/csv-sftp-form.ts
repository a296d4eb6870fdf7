// The admin form of a CSV-over-SFTP connection: its fields, and how a submitted form becomes settings
// and sealed credentials, with one sentence per field that is wrong. Pure, so it is table-tested.
import ssh2 from "ssh2";
import type { ProviderField } from "~/modules/connections/connections.ports";
import {
  DEFAULT_DISPATCH_COLUMNS, DEFAULT_ORDER_COLUMNS, DEFAULT_STOCK_COLUMNS, DISPATCH_FIELDS, ORDER_FIELDS, STOCK_FIELDS,
  formatColumnLines, inboundLines, inboundMapFromLines, parseColumnLines,
} from "./column-maps";
import { csvSftpConfigSchema, SECRET_FIELDS } from "./csv-sftp-config";

const columnsHelp = (fields: readonly string[], defaults: string) =>
  `One column per line as Header = field. Fields: ${fields.join(", ")}. Empty uses the default: ${defaults.split("\n").join("; ")}.`;

export const CSV_SFTP_FIELDS: ProviderField[] = [
  { name: "host", label: "SFTP host", type: "text", required: true, helpText: "Host name or IP address only, e.g. sftp.warehouse.example." },
  { name: "port", label: "Port", type: "number", required: false, helpText: "22 unless the warehouse says otherwise." },
  { name: "username", label: "User name", type: "text", required: true },
  { name: "password", label: "Password", type: "password", required: false, helpText: "Stored encrypted; never shown again. Leave empty when you use a private key." },
  { name: "privateKey", label: "Private key", type: "password", multiline: true, required: false, helpText: "OpenSSH or PEM private key, pasted whole. Stored encrypted; never shown again." },
  { name: "passphrase", label: "Private key passphrase", type: "password", required: false },
  { name: "hostKeyFingerprint", label: "Host key fingerprint", type: "text", required: true, helpText: "SHA256:… as the warehouse gives it, or as `ssh-keyscan host | ssh-keygen -lf -` prints it. Loadbay refuses any other server key." },
  { name: "facilityCode", label: "Facility code", type: "text", required: true, helpText: "Loadbay's facility code for this warehouse; stock rows without a facility column belong to it." },
  { name: "ordersFolder", label: "Orders folder", type: "text", required: true, helpText: "Where Loadbay puts order files, e.g. /orders." },
  { name: "processedFolder", label: "Processed orders folder", type: "text", required: false, helpText: "Where the warehouse moves order files it has taken in. Recommended: it lets Loadbay recognise an order already sent." },
  { name: "rejectedFolder", label: "Rejected orders folder", type: "text", required: false, helpText: "Where the warehouse moves order files it refused (reason in <file>.err)." },
  { name: "dispatchFolder", label: "Dispatch folder", type: "text", required: false, helpText: "Where the warehouse leaves dispatch files, e.g. /dispatches." },
  { name: "stockFolder", label: "Stock folder", type: "text", required: false, helpText: "Where the warehouse leaves stock files, e.g. /stock." },
  { name: "fileNamePrefix", label: "Order file name prefix", type: "text", required: false, helpText: "Put before the order reference, e.g. ORD_ gives ORD_LB-1001-LEEDS-0-r0.csv." },
  { name: "orderColumns", label: "Order file columns", type: "text", multiline: true, required: false, helpText: columnsHelp([...ORDER_FIELDS, "ref:<reference field>"], formatColumnLines(DEFAULT_ORDER_COLUMNS)) },
  { name: "dispatchColumns", label: "Dispatch file columns", type: "text", multiline: true, required: false, helpText: columnsHelp(DISPATCH_FIELDS, formatColumnLines(inboundLines(DEFAULT_DISPATCH_COLUMNS))) },
  { name: "stockColumns", label: "Stock file columns", type: "text", multiline: true, required: false, helpText: columnsHelp(STOCK_FIELDS, formatColumnLines(inboundLines(DEFAULT_STOCK_COLUMNS))) },
];

type Parsed = { ok: true; config: Record<string, unknown>; secrets: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const blank = (value: string | undefined) => (value?.trim() ? value : undefined);

/** A column box: empty → the default (undefined); otherwise its lines, checked against the known fields. */
function columnBox(text: string | undefined, known: readonly string[], inbound: boolean): { value?: unknown; error?: string } {
  if (!blank(text)) return {};
  const parsed = parseColumnLines(text ?? "");
  if (!parsed.ok) return { error: parsed.message };
  const unknown = parsed.lines.find((l) => !known.includes(l.field) && !(!inbound && l.field.startsWith("ref:")));
  if (unknown) return { error: `“${unknown.field}” is not a field Loadbay knows. Use one of: ${known.join(", ")}.` };
  if (!inbound) return { value: parsed.lines };
  const map = inboundMapFromLines(parsed.lines);
  return map.ok ? { value: map.map } : { error: map.message };
}

const FORM_FIELD_OF: Record<string, string> = { orders: "orderColumns", dispatches: "dispatchColumns", stock: "stockColumns" };

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [first, second] = issue.path.map(String);
    const field = first === "columns" ? (FORM_FIELD_OF[second ?? ""] ?? "form") : (first ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Caught here rather than at the first connection: an unreadable key or a wrong passphrase. */
function privateKeyProblem(privateKey: string, passphrase: string | undefined): string | null {
  const key = ssh2.utils.parseKey(privateKey, passphrase);
  if (key instanceof Error) return `This private key cannot be read (${key.message}). Paste the whole key, and its passphrase if it has one.`;
  return key.isPrivateKey() ? null : "This is a public key; paste the private key (the warehouse holds the public one).";
}

export function parseCsvSftpForm(form: Record<string, string>): Parsed {
  const boxes = {
    orders: columnBox(form.orderColumns, ORDER_FIELDS, false),
    dispatches: columnBox(form.dispatchColumns, DISPATCH_FIELDS, true),
    stock: columnBox(form.stockColumns, STOCK_FIELDS, true),
  };
  const boxErrors = Object.entries(boxes).flatMap(([key, box]) => (box.error ? [[FORM_FIELD_OF[key] ?? key, box.error] as const] : []));
  if (boxErrors.length) return { ok: false, errors: Object.fromEntries(boxErrors) };
  const candidate = {
    host: form.host ?? "", port: blank(form.port) ? Number(form.port) : undefined, username: form.username ?? "",
    password: blank(form.password), privateKey: blank(form.privateKey)?.trim(), passphrase: blank(form.passphrase),
    hostKeyFingerprint: form.hostKeyFingerprint ?? "", facilityCode: form.facilityCode ?? "",
    ordersFolder: form.ordersFolder ?? "", processedFolder: blank(form.processedFolder), rejectedFolder: blank(form.rejectedFolder),
    dispatchFolder: blank(form.dispatchFolder), stockFolder: blank(form.stockFolder), fileNamePrefix: blank(form.fileNamePrefix)?.trim(),
    columns: { orders: boxes.orders.value, dispatches: boxes.dispatches.value, stock: boxes.stock.value },
  };
  const parsed = csvSftpConfigSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const keyProblem = parsed.data.privateKey ? privateKeyProblem(parsed.data.privateKey, parsed.data.passphrase) : null;
  if (keyProblem) return { ok: false, errors: { privateKey: keyProblem } };
  const config: Record<string, unknown> = { ...parsed.data };
  const secrets: Record<string, unknown> = {};
  for (const name of SECRET_FIELDS) {
    if (config[name] !== undefined) secrets[name] = config[name];
    delete config[name];
  }
  return { ok: true, config, secrets };
}
