// Shared by every connector over SFTP (CSV files, EDI X12). One SFTP session per connector call: connect with the host key pinned, do a few requests, hang up.
// Every request has a deadline (ssh2-sftp-client has none of its own); on expiry the socket is destroyed,
// which is why Loadbay opens the TCP socket itself and hands it to ssh2. Credentials go to ssh2 only.
import { connect as tcpConnect, type Socket } from "node:net";
import SftpClient from "ssh2-sftp-client";
import type { ConnectorResult } from "../warehouse-connector";
import { hostKeyFingerprint } from "./host-key";
import { fail, hostKeyMismatch, sftpFailure, succeed, timedOut, type SftpContext } from "./sftp-failures";

export interface RemoteEntry {
  name: string;
  path: string;
  kind: "file" | "folder" | "other";
  size: number;
  modifiedAt: Date;
}

type Target = Omit<SftpContext, "doing" | "folder">;

/** What a session needs of a connection's settings; every SFTP connector's config has these fields. */
export interface SftpAccess {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** "SHA256:…" as OpenSSH prints it; any other server key ends the handshake before login. */
  hostKeyFingerprint: string;
  /** For the SSH handshake and for each SFTP request. */
  timeoutMs: number;
}

const credentialsOf = (c: SftpAccess) => (c.password && c.privateKey ? "password and private key" : c.privateKey ? "private key" : "password");
const kindOf = (type: string): RemoteEntry["kind"] => (type === "-" ? "file" : type === "d" ? "folder" : "other");
// ssh2-sftp-client logs to the console by default; its events are handled per request instead.
const QUIET = { error: () => undefined, end: () => undefined, close: () => undefined };

function deadline<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<{ done: false }>((resolve) => (timer = setTimeout(() => resolve({ done: false }), ms)));
  return Promise.race([work.then((value) => ({ done: true as const, value })), expiry]).finally(() => clearTimeout(timer));
}

export class SftpSession {
  private constructor(
    private readonly client: SftpClient,
    private readonly socket: Socket,
    private readonly target: Target,
  ) {}

  /** Connects and authenticates; a host key other than the pinned one ends the handshake before login. */
  static async open(config: SftpAccess): Promise<ConnectorResult<SftpSession>> {
    const target: Target = {
      server: `${config.host}:${config.port}`, host: config.host, username: config.username, credentials: credentialsOf(config), timeoutMs: config.timeoutMs,
    };
    const seen: { hostKey: string | null } = { hostKey: null };
    // No Nagle: SFTP is many small request/answer pairs, and delayed ACKs would add ~40 ms to each.
    const socket = tcpConnect({ host: config.host.replace(/^\[(.*)\]$/, "$1"), port: config.port, noDelay: true });
    const client = new SftpClient("loadbay", QUIET);
    const connecting = client.connect({
      sock: socket, username: config.username, password: config.password, privateKey: config.privateKey, passphrase: config.passphrase,
      readyTimeout: config.timeoutMs,
      hostVerifier: (key: Buffer) => (seen.hostKey = hostKeyFingerprint(key)) === config.hostKeyFingerprint,
    });
    const connected = await deadline(connecting.then(() => null, (error: unknown) => error), config.timeoutMs + 1_000);
    const at = { ...target, doing: "connecting" };
    if (connected.done && connected.value === null) return succeed(new SftpSession(client, socket, target));
    socket.destroy();
    if (seen.hostKey && seen.hostKey !== config.hostKeyFingerprint) return fail(hostKeyMismatch(target.server, seen.hostKey, config.hostKeyFingerprint));
    return fail(connected.done ? sftpFailure(connected.value, at) : timedOut(at));
  }

  /** Runs one request under the deadline and sorts its failure; `folder` names the folder it needs. */
  private async request<T>(doing: string, folder: string | undefined, work: () => Promise<T>, listedFile?: string): Promise<ConnectorResult<T>> {
    const at = { ...this.target, doing, folder, listedFile };
    const outcome = await deadline(work().then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })), this.target.timeoutMs);
    if (!outcome.done) {
      this.socket.destroy();
      return fail(timedOut(at));
    }
    return outcome.value.ok ? succeed(outcome.value.value) : fail(sftpFailure(outcome.value.error, at));
  }

  /** What is at `path`: a file, a folder, or nothing. */
  async exists(path: string, folder?: string): Promise<ConnectorResult<"file" | "folder" | null>> {
    const found = await this.request(`checking ${path}`, folder, () => this.client.exists(path));
    if (!found.ok) return found;
    return succeed(found.value === false ? null : found.value === "d" ? "folder" : "file");
  }

  async list(folder: string): Promise<ConnectorResult<RemoteEntry[]>> {
    const listed = await this.request(`listing ${folder}`, folder, () => this.client.list(folder));
    if (!listed.ok) return listed;
    return succeed(listed.value.map((e) => ({ name: e.name, path: `${folder.replace(/\/+$/, "")}/${e.name}`, kind: kindOf(e.type), size: e.size, modifiedAt: new Date(e.modifyTime) })));
  }

  /** Reads a whole file; `listed` when it came from a listing, so its disappearance is a race, not a missing folder. */
  async read(path: string, folder: string, options: { listed?: boolean } = {}): Promise<ConnectorResult<Buffer>> {
    const read = await this.request(`reading ${path}`, folder, () => this.client.get(path), options.listed ? path : undefined);
    if (!read.ok) return read;
    return Buffer.isBuffer(read.value) ? succeed(read.value) : fail({ kind: "transient", message: `Reading ${path} over SFTP gave no content.` });
  }

  async write(path: string, content: Buffer, folder: string): Promise<ConnectorResult<void>> {
    const written = await this.request(`writing ${path}`, folder, () => this.client.put(content, path));
    return written.ok ? succeed(undefined) : written;
  }

  /** Plain SFTP rename, which (unlike posix-rename) refuses to replace an existing file. */
  async rename(from: string, to: string, folder: string): Promise<ConnectorResult<void>> {
    const renamed = await this.request(`renaming ${from} to ${to}`, folder, () => this.client.rename(from, to));
    return renamed.ok ? succeed(undefined) : renamed;
  }

  async remove(path: string, folder: string): Promise<ConnectorResult<void>> {
    const removed = await this.request(`removing ${path}`, folder, () => this.client.delete(path, true));
    return removed.ok ? succeed(undefined) : removed;
  }

  /** Says goodbye if the server still listens, then drops the socket either way. */
  async close(): Promise<void> {
    await deadline(this.client.end().catch(() => false), 1_000);
    this.socket.destroy();
  }
}

/** Opens a session, runs `work`, and always closes it. */
export async function withSftp<T>(config: SftpAccess, work: (session: SftpSession) => Promise<ConnectorResult<T>>): Promise<ConnectorResult<T>> {
  const session = await SftpSession.open(config);
  if (!session.ok) return session;
  try {
    return await work(session.value);
  } finally {
    await session.value.close();
  }
}
