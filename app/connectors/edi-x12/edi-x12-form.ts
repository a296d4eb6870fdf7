// The admin form of an EDI X12 connection: SFTP access, folders, who is who in the envelopes, the
// facility and test/production. Everything else (separators, qualifiers, SCACs) keeps the defaults of
// edi-x12-config.ts until onboarding needs a field for it. Pure, so it is table-tested.
import type { ProviderField } from "~/modules/connections/connections.ports";
import { SFTP_SECRET_FIELDS } from "../sftp/sftp-settings";
import { ediX12ConnectionSchema } from "./edi-x12-connection";

const folder = (name: string, label: string, required: boolean, helpText: string): ProviderField => ({ name, label, type: "text", required, helpText });

export const EDI_X12_FIELDS: ProviderField[] = [
  { name: "host", label: "SFTP host", type: "text", required: true, helpText: "Host name or IP address only, e.g. sftp.gxo.example." },
  { name: "port", label: "Port", type: "number", required: false, helpText: "22 unless the warehouse says otherwise." },
  { name: "username", label: "User name", type: "text", required: true },
  { name: "password", label: "Password", type: "password", required: false, helpText: "Stored encrypted; never shown again. Leave empty when you use a private key." },
  { name: "privateKey", label: "Private key", type: "password", multiline: true, required: false, helpText: "OpenSSH or PEM private key, pasted whole. Stored encrypted; never shown again." },
  { name: "passphrase", label: "Private key passphrase", type: "password", required: false },
  { name: "hostKeyFingerprint", label: "Host key fingerprint", type: "text", required: true, helpText: "SHA256:… as the warehouse gives it, or as `ssh-keyscan host | ssh-keygen -lf -` prints it." },
  folder("ordersFolder", "Outbound folder (940s)", true, "Where Loadbay puts 940 order files, e.g. /in."),
  folder("acknowledgementFolder", "Folder for Loadbay's 997s", false, "Where Loadbay puts its 997 acknowledgements; the outbound folder when empty."),
  folder("processedFolder", "Processed folder", false, "Where the warehouse moves files it has taken in, if it does; lets Loadbay recognise a 940 already sent."),
  folder("dispatchFolder", "Inbound folder (945s and 997s)", true, "Where the warehouse leaves shipping advices and its acknowledgements, e.g. /out."),
  folder("stockFolder", "Stock folder (846s and 947s)", false, "Where the warehouse leaves stock files; the inbound folder when empty."),
  { name: "fileNamePrefix", label: "940 file name prefix", type: "text", required: false, helpText: "Put before the order reference, e.g. 940_ gives 940_LB-1001-LEEDS-0-r0.edi." },
  { name: "usQualifier", label: "Loadbay's ID qualifier (ISA-05)", type: "text", required: true, helpText: "Two characters agreed with the warehouse, e.g. ZZ (mutually defined) or 01 (DUNS)." },
  { name: "usInterchangeId", label: "Loadbay's interchange ID (ISA-06)", type: "text", required: true, helpText: "At most 15 characters." },
  { name: "usGroupCode", label: "Loadbay's application code (GS-02)", type: "text", required: false, helpText: "The interchange ID when empty." },
  { name: "partnerQualifier", label: "Warehouse's ID qualifier (ISA-07)", type: "text", required: true },
  { name: "partnerInterchangeId", label: "Warehouse's interchange ID (ISA-08)", type: "text", required: true },
  { name: "partnerGroupCode", label: "Warehouse's application code (GS-03)", type: "text", required: false, helpText: "The interchange ID when empty." },
  { name: "facilityCode", label: "Facility code", type: "text", required: true, helpText: "The warehouse's code for the facility (940 ship-from N1); stock without a facility belongs to it." },
  { name: "usage", label: "Test or production (ISA-15)", type: "text", required: false, helpText: "P for production (default) or T for test; files with the other flag are refused." },
];

type Parsed = { ok: true; config: Record<string, unknown>; secrets: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const FORM_FIELD: Record<string, string> = { us: "us", partner: "partner" };

function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [first, second] = issue.path.map(String);
    const field = first && FORM_FIELD[first] ? `${first}${(second ?? "").charAt(0).toUpperCase()}${(second ?? "").slice(1)}` : (first ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export function parseEdiX12Form(form: Record<string, string>): Parsed {
  const candidate = {
    host: form.host ?? "", port: blank(form.port) ? Number(form.port) : undefined, username: form.username ?? "",
    password: blank(form.password), privateKey: blank(form.privateKey), passphrase: blank(form.passphrase), hostKeyFingerprint: form.hostKeyFingerprint ?? "",
    ordersFolder: form.ordersFolder ?? "", acknowledgementFolder: blank(form.acknowledgementFolder), processedFolder: blank(form.processedFolder),
    dispatchFolder: form.dispatchFolder ?? "", stockFolder: blank(form.stockFolder), fileNamePrefix: blank(form.fileNamePrefix),
    us: { qualifier: form.usQualifier ?? "", interchangeId: form.usInterchangeId ?? "", groupCode: blank(form.usGroupCode) },
    partner: { qualifier: form.partnerQualifier ?? "", interchangeId: form.partnerInterchangeId ?? "", groupCode: blank(form.partnerGroupCode) },
    facilityCode: form.facilityCode ?? "", usage: blank(form.usage)?.toUpperCase(),
  };
  const parsed = ediX12ConnectionSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error.issues) };
  const config: Record<string, unknown> = { ...parsed.data };
  const secrets: Record<string, unknown> = {};
  for (const name of SFTP_SECRET_FIELDS) {
    if (config[name] !== undefined) secrets[name] = config[name];
    delete config[name];
  }
  return { ok: true, config, secrets };
}
