// The SSH edge of the SFTP warehouse: a plain TCP listener on loopback that hands each connection to an
// ssh2 Server (so an outage can refuse connections, or accept them and never greet), host key, password
// and public key authentication, and the "sftp" subsystem.
import { timingSafeEqual } from "node:crypto";
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import type { AuthContext, Connection, ParsedKey, Server as Ssh2Server, SFTPWrapper } from "ssh2";
import ssh2 from "ssh2";

export interface SshUser {
  username: string;
  password: string | null;
  publicKeys: ParsedKey[];
}

const same = (given: Buffer | string, expected: Buffer | string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export class SshServer {
  private readonly front: NetServer;
  private readonly ssh: Ssh2Server;
  /** Open connections by the client's port, so a fault can drop exactly one. */
  private readonly sockets = new Map<number, Socket>();
  private readonly held = new Set<Socket>();
  port = 0;
  /** Every authentication attempt (method "none" aside), in order. */
  readonly logins: { username: string; method: string; accepted: boolean }[] = [];
  /** "hang": accept connections and never answer (an outage that looks like a slow network). */
  mode: "serve" | "hang" = "serve";

  constructor(
    hostKey: string,
    public user: SshUser,
    private readonly onSftp: (sftp: SFTPWrapper, drop: () => void) => void,
  ) {
    this.ssh = new ssh2.Server({ hostKeys: [hostKey] }, (client, info) => this.onClient(client, info.port));
    this.front = createServer((socket) => this.onSocket(socket));
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.front.once("error", reject);
      this.front.listen(port, "127.0.0.1", () => {
        this.front.off("error", reject);
        this.port = (this.front.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  /** Stops listening and drops every connection: new connections are refused. */
  async stopListening(): Promise<void> {
    const closed = this.front.listening ? new Promise<void>((resolve) => this.front.close(() => resolve())) : Promise.resolve();
    for (const socket of [...this.sockets.values(), ...this.held]) socket.destroy();
    await closed;
  }

  async resume(): Promise<void> {
    if (!this.front.listening) await this.listen(this.port);
  }

  private onSocket(socket: Socket): void {
    socket.on("error", () => undefined);
    // SFTP is many small request/answer pairs: Nagle plus delayed ACKs would add ~40 ms to each.
    socket.setNoDelay(true);
    if (this.mode === "hang") {
      this.held.add(socket);
      socket.on("close", () => this.held.delete(socket));
      return;
    }
    const port = socket.remotePort ?? 0;
    this.sockets.set(port, socket);
    socket.on("close", () => this.sockets.delete(port));
    this.ssh.injectSocket(socket);
  }

  private onClient(client: Connection, port: number): void {
    const drop = () => this.sockets.get(port)?.destroy();
    client.on("error", () => undefined);
    client.on("authentication", (ctx) => this.authenticate(ctx));
    client.on("ready", () => {
      client.on("session", (accept) => {
        const session = accept();
        session.on("sftp", (acceptSftp) => this.onSftp(acceptSftp(), drop));
      });
    });
  }

  private authenticate(ctx: AuthContext): void {
    const accepted = this.accepts(ctx);
    // "none" and public key queries (no signature yet) only ask what would do; they are not logins.
    const query = ctx.method === "none" || (ctx.method === "publickey" && !ctx.signature);
    if (!query) this.logins.push({ username: ctx.username, method: ctx.method, accepted });
    if (accepted) ctx.accept();
    else ctx.reject(["password", "publickey"]);
  }

  private accepts(ctx: AuthContext): boolean {
    const { user } = this;
    if (!same(ctx.username, user.username)) return false;
    if (ctx.method === "password") return user.password !== null && same(ctx.password, user.password);
    if (ctx.method !== "publickey") return false;
    const key = user.publicKeys.find((k) => k.type === ctx.key.algo && same(ctx.key.data, k.getPublicSSH()));
    // Without a signature the client only asks whether the key would do; with one, it must verify.
    return !!key && (!ctx.signature || (ctx.blob !== undefined && key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true));
  }
}
