// The SFTP half of a file connection's settings, shared by CSV over SFTP and EDI X12 over SFTP. The
// password, private key and passphrase are credentials: sealed at rest, never logged, never in a message.
import { z } from "zod";
import { normalizeFingerprint } from "./host-key";

/** An absolute folder on the server, without its trailing slash. */
export const remoteFolder = z
  .string()
  .trim()
  .regex(/^\/[^\0\r\n]*$/, "Give the folder as an absolute path starting with /, e.g. /orders.")
  .transform((path) => (path.length > 1 ? path.replace(/\/+$/, "") : path));

export const sftpAccessShape = {
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
  /** For the SSH handshake and for each SFTP request. */
  timeoutMs: z.number().int().positive().default(15_000),
  /** Files read per poll; the cursor acknowledges them (inbound-cursor.ts). */
  maxFilesPerPoll: z.number().int().min(1).max(200).default(20),
};

export const hasCredentials = (c: { password?: string; privateKey?: string }) => c.password !== undefined || c.privateKey !== undefined;
export const CREDENTIALS_MISSING = { message: "Give a password, a private key, or both.", path: ["password"] };

/** The credential fields; everything else is plain settings. */
export const SFTP_SECRET_FIELDS = ["password", "privateKey", "passphrase"] as const;
