// Connection settings for one warehouse that trades CSV files over SFTP, parsed at the boundary. The
// password, private key and passphrase are credentials: sealed at rest, never logged, never in a message.
import { z } from "zod";
import { columnMapsSchema } from "./column-maps";
import { FILE_PREFIX_PATTERN } from "./file-names";
import { normalizeFingerprint } from "./host-key";

const folder = z
  .string()
  .trim()
  .regex(/^\/[^\0\r\n]*$/, "Give the folder as an absolute path starting with /, e.g. /orders.")
  .transform((path) => (path.length > 1 ? path.replace(/\/+$/, "") : path));

export const csvSftpConfigSchema = z
  .object({
    host: z.string().trim().min(1).regex(/^[^\s/:@]+$|^\[[0-9a-fA-F:]+\]$/, "Give only the host name or IP address, without sftp:// or a port."),
    port: z.number().int().min(1).max(65535).default(22),
    username: z.string().min(1),
    password: z.string().min(1).optional(),
    privateKey: z.string().min(1).optional(),
    passphrase: z.string().min(1).optional(),
    /** The server's host key as OpenSSH prints it ("SHA256:…"); Loadbay refuses any other key. */
    hostKeyFingerprint: z.string().transform((value, ctx) => {
      const fingerprint = normalizeFingerprint(value);
      if (!fingerprint) ctx.addIssue({ code: "custom", message: "Give the host key fingerprint as SHA256: followed by 43 characters, as ssh-keyscan and ssh-keygen -lf print it." });
      return fingerprint ?? z.NEVER;
    }),
    /** Loadbay's facility code for this warehouse: stock rows without a facility column belong to it. */
    facilityCode: z.string().trim().min(1),
    /** Where order files go (the warehouse's inbound folder). */
    ordersFolder: folder,
    /** Where the warehouse moves order files it has taken in; a file found there is "already there". */
    processedFolder: folder.optional(),
    /** Where the warehouse moves order files it refused, with the reason in `<name>.err` beside them. */
    rejectedFolder: folder.optional(),
    /** Where the warehouse leaves dispatch files; absent: no dispatch feed. */
    dispatchFolder: folder.optional(),
    /** Where the warehouse leaves stock files; absent: no stock feed. */
    stockFolder: folder.optional(),
    /** Put before the idempotency key in order file names, e.g. "ORD_". */
    fileNamePrefix: z.string().regex(FILE_PREFIX_PATTERN, "Use at most 20 letters, digits, - or _.").default(""),
    columns: columnMapsSchema.prefault({}),
    /** Whether each stock file lists every SKU (snapshot) or only those that changed (delta). */
    stockFiles: z.enum(["snapshot", "delta"]).default("snapshot"),
    /** For the SSH handshake and for each SFTP request. */
    timeoutMs: z.number().int().positive().default(15_000),
    /** Files read per poll; the cursor acknowledges them (inbound-cursor.ts). */
    maxFilesPerPoll: z.number().int().min(1).max(200).default(20),
  })
  .refine((c) => c.password !== undefined || c.privateKey !== undefined, { message: "Give a password, a private key, or both.", path: ["password"] });

export type CsvSftpConfigInput = z.input<typeof csvSftpConfigSchema>;
export type CsvSftpConfig = z.output<typeof csvSftpConfigSchema>;

/** The credential fields; everything else is plain settings. */
export const SECRET_FIELDS = ["password", "privateKey", "passphrase"] as const;
