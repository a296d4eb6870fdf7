// Sorting SFTP and SSH errors into the connector's closed set (warehouse-connector.ts), with a sentence
// that says exactly what failed. ssh2 and ssh2-sftp-client report failures as Error objects whose
// `code` is a socket error name (ECONNREFUSED …) or an SFTP status number; the rest is in the message.
import type { ConnectorFailure, ConnectorResult } from "../warehouse-connector";

export const fail = <T>(error: ConnectorFailure): ConnectorResult<T> => ({ ok: false, error });
export const succeed = <T>(value: T): ConnectorResult<T> => ({ ok: true, value });

/** SFTP v3 status codes (draft-ietf-secsh-filexfer-02). */
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

export interface SftpContext {
  /** `host:port`, for messages. */
  server: string;
  host: string;
  username: string;
  /** What the credentials are: "password", "private key" or "password and private key". */
  credentials: string;
  timeoutMs: number;
  /** What Loadbay was doing, as a gerund phrase: "writing /orders/X.tmp". */
  doing: string;
  /** The folder this step needs, for "does not exist" and "may not" sentences. */
  folder?: string;
  /** A listed file read a moment later: if it is gone, the warehouse moved it meanwhile (not a settings problem). */
  listedFile?: string;
}

const seconds = (ms: number) => (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1));
const codeOf = (error: unknown): unknown => (error instanceof Error ? (error as Error & { code?: unknown }).code : undefined);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const timedOut = (at: SftpContext): ConnectorFailure => ({
  kind: "transient",
  message: `The SFTP server at ${at.server} did not answer within ${seconds(at.timeoutMs)} s while Loadbay was ${at.doing}.`,
});

export const hostKeyMismatch = (server: string, presented: string, pinned: string): ConnectorFailure => ({
  kind: "auth-failed",
  message:
    `The SFTP server at ${server} presented the host key ${presented}, but this connection is pinned to ${pinned}. ` +
    "Loadbay did not log in. If the warehouse changed its server key, confirm the new fingerprint with them and update the connection.",
});

function connectionFailure(code: unknown, message: string, at: SftpContext): ConnectorFailure | null {
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || /getaddrinfo/.test(message)) {
    return { kind: "transient", message: `The SFTP host “${at.host}” could not be found (DNS lookup failed). Check the host name in the connection settings.` };
  }
  if (code === "ECONNREFUSED") return { kind: "transient", message: `The SFTP server at ${at.server} refused the connection: nothing accepts connections on that port.` };
  if (code === "ETIMEDOUT" || /Timed out while waiting for handshake/i.test(message)) return timedOut(at);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { kind: "transient", message: `The SFTP server at ${at.server} cannot be reached from Loadbay (${String(code)}).` };
  if (/authentication methods failed/i.test(message)) {
    return { kind: "auth-failed", message: `The SFTP server at ${at.server} refused user “${at.username}” with the configured ${at.credentials}. Check the user name and credentials in the connection settings.` };
  }
  if (/cannot parse privatekey/i.test(message)) {
    return { kind: "auth-failed", message: `The private key in the connection settings cannot be used (${message.replace(/^.*Cannot parse privateKey:\s*/i, "")}). Paste the whole key, with its passphrase if it has one.` };
  }
  if (code === "ECONNRESET" || /unexpected (close|end)|no response from server|not connected|no sftp connection/i.test(message)) {
    return { kind: "transient", message: `The SFTP server at ${at.server} closed the connection while Loadbay was ${at.doing}.` };
  }
  return null;
}

/** Any error from connecting or from one SFTP request, as a failure with a full sentence. */
export function sftpFailure(error: unknown, at: SftpContext): ConnectorFailure {
  const code = codeOf(error);
  const message = messageOf(error);
  const connection = connectionFailure(code, message, at);
  if (connection) return connection;
  const place = at.folder ? `the folder ${at.folder}` : "the path";
  if (code === NO_SUCH_FILE && at.listedFile) {
    return { kind: "transient", message: `The file ${at.listedFile} was gone when Loadbay came to read it (the warehouse moved it meanwhile); the next poll reads the folder afresh.` };
  }
  if (code === NO_SUCH_FILE) return { kind: "rejected", message: `The SFTP server at ${at.server} has no ${at.folder ? `folder ${at.folder}` : "such path"} (while ${at.doing}). Check the folders in the connection settings.` };
  if (code === PERMISSION_DENIED) {
    return { kind: "rejected", message: `The SFTP server at ${at.server} does not let user “${at.username}” use ${place} (permission denied while ${at.doing}). Ask the warehouse for access or check the folders in the connection settings.` };
  }
  // SFTP "failure" (4) and anything unrecognised: the server could not do it now; a retry is safe.
  return { kind: "transient", message: `The SFTP server at ${at.server} failed while Loadbay was ${at.doing} (${message.replace(/^[\w.]+:\s*/, "")}).` };
}
