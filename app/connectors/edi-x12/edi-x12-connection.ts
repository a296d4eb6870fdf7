// One EDI X12 connection: the trading partnership (edi-x12-config.ts) and the SFTP server the files go
// through (sftp/sftp-settings.ts). Folders: 940s and Loadbay's 997s go to the warehouse's inbound folder;
// the warehouse leaves 945s and its 997s in the dispatch folder, 846s and 947s in the stock folder (the
// dispatch folder when none is given: many 3PLs have a single outbox). Parsed at the boundary.
import { z } from "zod";
import { FILE_PREFIX_PATTERN } from "../sftp/file-names";
import { CREDENTIALS_MISSING, hasCredentials, remoteFolder, sftpAccessShape } from "../sftp/sftp-settings";
import { ediX12ConfigSchema } from "./edi-x12-config";

export const ediX12ConnectionSchema = ediX12ConfigSchema
  .extend({
    ...sftpAccessShape,
    /** Where 940s go (the warehouse's inbound folder). */
    ordersFolder: remoteFolder,
    /** Where the warehouse moves files it has taken in; a 940 found there is "already there". */
    processedFolder: remoteFolder.optional(),
    /** Where Loadbay's 997s go; the orders folder when not given. */
    acknowledgementFolder: remoteFolder.optional(),
    /** Where the warehouse leaves 945s and its 997s. */
    dispatchFolder: remoteFolder,
    /** Where the warehouse leaves 846s and 947s; the dispatch folder when not given. */
    stockFolder: remoteFolder.optional(),
    /** Put before the order reference in 940 file names, e.g. "940_". */
    fileNamePrefix: z.string().regex(FILE_PREFIX_PATTERN, "Use at most 20 letters, digits, - or _.").default(""),
    /** The extension of complete files both ways (`.tmp` while uploading). */
    fileExtension: z.enum(["edi", "x12", "txt"]).default("edi"),
  })
  .refine(hasCredentials, CREDENTIALS_MISSING);

export type EdiX12ConnectionInput = z.input<typeof ediX12ConnectionSchema>;
export type EdiX12Connection = z.output<typeof ediX12ConnectionSchema>;

export const ackFolderOf = (c: EdiX12Connection) => c.acknowledgementFolder ?? c.ordersFolder;
export const stockFolderOf = (c: EdiX12Connection) => c.stockFolder ?? c.dispatchFolder;
