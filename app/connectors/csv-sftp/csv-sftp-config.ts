// Connection settings for one warehouse that trades CSV files over SFTP, parsed at the boundary. The
// password, private key and passphrase are credentials: sealed at rest, never logged, never in a message.
import { z } from "zod";
import { columnMapsSchema } from "./column-maps";
import { FILE_PREFIX_PATTERN } from "../sftp/file-names";
import { CREDENTIALS_MISSING, hasCredentials, remoteFolder as folder, SFTP_SECRET_FIELDS, sftpAccessShape } from "../sftp/sftp-settings";

export const csvSftpConfigSchema = z
  .object({
    ...sftpAccessShape,
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
  })
  .refine(hasCredentials, CREDENTIALS_MISSING);

export type CsvSftpConfigInput = z.input<typeof csvSftpConfigSchema>;
export type CsvSftpConfig = z.output<typeof csvSftpConfigSchema>;

/** The credential fields; everything else is plain settings. */
export const SECRET_FIELDS = SFTP_SECRET_FIELDS;
