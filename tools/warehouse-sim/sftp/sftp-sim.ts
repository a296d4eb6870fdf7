// A warehouse that trades CSV files over a real SFTP server on loopback (ssh2), as a library: start it
// (port 0 in tests), pin its host key, drive the warehouse side (pick up, ship, count stock), switch
// faults on, and read the counters. README.md ("CSV over SFTP") lists the folders and file formats.
import ssh2 from "ssh2";
import { autoDispatcher, type AutoDispatch } from "./auto-dispatch";
import { hostFingerprint } from "./fingerprint";
import { MemoryFs } from "./memory-fs";
import { serveSftp } from "./sftp-handlers";
import { SftpFaults, type SftpFaultSettings, type SftpOp } from "./sftp-faults";
import { emptySftpCounters, SftpWarehouse, type SftpDispatchOptions, type SftpFolders, type SftpSimCounters, type WarehouseOrder } from "./sftp-warehouse";
import { SshServer } from "./ssh-server";
import { csvFormat } from "./sim-format";
import { DEFAULT_SIM_HEADERS, type SimHeaders } from "./warehouse-files";
import { x12Format, type X12Parties } from "./x12-files";

export type { AutoDispatch };

export interface SftpWarehouseSimOptions {
  port?: number;
  /** The server's private host key (OpenSSH format); a new ed25519 key per start when absent. */
  hostKey?: string;
  credentials?: { username: string; password: string };
  /** OpenSSH public keys the user may also log in with. */
  authorizedKeys?: string[];
  folders?: Partial<SftpFolders>;
  headers?: { [K in keyof SimHeaders]?: Partial<SimHeaders[K]> };
  /** CSV files (default), or EDI X12: 940s in (each answered with a 997), 945/846/947/997 out. */
  format?: "csv" | "x12";
  /** X12 envelope ids; the defaults match `ediConnectionSettings()`. */
  x12?: Partial<X12Parties>;
  archive?: "move" | "delete";
  dedupeByName?: boolean;
  /** SKUs the warehouse knows; an order file with another SKU is refused. Absent: any SKU. */
  products?: string[];
  facilityCode?: string;
  stockFeed?: "on-change" | "manual";
  /** How often the warehouse scans its orders folder; null: only when pickUp() is called. */
  pickupMs?: number | null;
  autoDispatch?: AutoDispatch | null;
  seed?: number;
  now?: () => Date;
}

export interface SftpConnectionSettings {
  host: string;
  port: number;
  username: string;
  password: string;
  hostKeyFingerprint: string;
  facilityCode: string;
  ordersFolder: string;
  processedFolder: string;
  rejectedFolder: string;
  dispatchFolder: string;
  stockFolder: string;
}

export const DEFAULT_FOLDERS: SftpFolders = { orders: "/orders", processed: "/orders/processed", rejected: "/orders/rejected", dispatches: "/dispatches", stock: "/stock" };
/** X12 mode: one inbox, one outbox (as GXO and most EDI 3PLs have). */
export const X12_FOLDERS: SftpFolders = { orders: "/in", processed: "/in/processed", rejected: "/in/rejected", dispatches: "/out", stock: "/out" };
export const X12_PARTIES: X12Parties = { warehouse: { qualifier: "ZZ", id: "GXOSIM" }, client: { qualifier: "ZZ", id: "LOADBAY" }, usage: "P" };

/** Settings an EDI X12 connection needs for this server (names as the connector's settings). */
export interface EdiConnectionSettings {
  host: string;
  port: number;
  username: string;
  password: string;
  hostKeyFingerprint: string;
  facilityCode: string;
  ordersFolder: string;
  processedFolder: string;
  dispatchFolder: string;
  stockFolder: string;
  us: { qualifier: string; interchangeId: string };
  partner: { qualifier: string; interchangeId: string };
  usage: "P" | "T";
}

export class SftpWarehouseSim {
  readonly host = "127.0.0.1";
  /** What a client pins: OpenSSH's "SHA256:…" of the server's host key. */
  readonly hostKeyFingerprint: string;
  /** A fingerprint this server never presents, for host-key-mismatch tests. */
  readonly otherHostKeyFingerprint = hostFingerprint(generateHostKey());
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly server: SshServer,
    private readonly fs: MemoryFs,
    private readonly faults: SftpFaults,
    private readonly warehouse: SftpWarehouse,
    hostKey: string,
    private readonly parties: X12Parties,
    /** Every request that changed something (OPEN for write, RENAME, REMOVE, MKDIR), in order. */
    readonly log: { op: SftpOp; path: string }[],
  ) {
    this.hostKeyFingerprint = hostFingerprint(hostKey);
  }

  get port(): number {
    return this.server.port;
  }

  get credentials(): { username: string; password: string } {
    return { username: this.server.user.username, password: this.server.user.password ?? "" };
  }

  /** Every login attempt the server saw (a client that refused the host key never gets this far). */
  get logins(): readonly { username: string; method: string; accepted: boolean }[] {
    return this.server.logins;
  }

  get folders(): SftpFolders {
    return this.warehouse.config.folders;
  }

  /** SFTP faults injected so far. */
  get faultsInjected(): number {
    return this.faults.injected;
  }

  get counters(): SftpSimCounters {
    return this.warehouse.counters;
  }

  /** Settings a CSV-over-SFTP connection needs for this server (names as the connector's settings). */
  connectionSettings(): SftpConnectionSettings {
    const f = this.folders;
    return {
      host: this.host, port: this.port, ...this.credentials, hostKeyFingerprint: this.hostKeyFingerprint, facilityCode: this.warehouse.config.facilityCode,
      ordersFolder: f.orders, processedFolder: f.processed, rejectedFolder: f.rejected, dispatchFolder: f.dispatches, stockFolder: f.stock,
    };
  }

  /** Settings an EDI X12 connection needs for this server (X12 mode). */
  ediConnectionSettings(): EdiConnectionSettings {
    const f = this.folders;
    const { warehouse, client, usage } = this.parties;
    return {
      host: this.host, port: this.port, ...this.credentials, hostKeyFingerprint: this.hostKeyFingerprint, facilityCode: this.warehouse.config.facilityCode,
      ordersFolder: f.orders, processedFolder: f.processed, dispatchFolder: f.dispatches, stockFolder: f.stock,
      us: { qualifier: client.qualifier, interchangeId: client.id }, partner: { qualifier: warehouse.qualifier, interchangeId: warehouse.id }, usage,
    };
  }

  /** Takes in the order files waiting now (the timer does it too, every `pickupMs`). */
  pickUp(): WarehouseOrder[] {
    return this.warehouse.pickUp();
  }

  orders(): WarehouseOrder[] {
    return [...this.warehouse.orders];
  }

  /** Every order received with this reference: more than one is a duplicate that would ship twice. */
  ordersFor(reference: string): WarehouseOrder[] {
    return this.warehouse.ordersFor(reference);
  }

  dispatch(reference: string, options?: SftpDispatchOptions): { shipmentId: string; path: string } {
    return this.warehouse.dispatch(reference, options);
  }

  setStock(levels: Record<string, number>): void {
    this.warehouse.setStock(levels);
  }

  moveStock(movements: { sku: string; delta: number }[]): void {
    this.warehouse.moveStock(movements);
  }

  publishStock(): string {
    return this.warehouse.publishStock();
  }

  /** Puts a file on the server as the warehouse would (whole, at once). */
  putFile(path: string, content: string | Buffer): void {
    this.fs.put(path, content);
  }

  readFile(path: string): string | null {
    return this.fs.file(path)?.data.toString("utf8") ?? null;
  }

  listFiles(folder: string): string[] {
    return (this.fs.list(folder) ?? []).filter((e) => e.kind === "file").map((e) => e.name);
  }

  setPassword(password: string): void {
    this.server.user = { ...this.server.user, password };
  }

  /** The SFTP user may no longer create, rename or remove anything in this folder. */
  setReadOnly(folder: string, readOnly = true): void {
    if (readOnly) this.fs.readOnly.add(MemoryFs.normalize(folder));
    else this.fs.readOnly.delete(MemoryFs.normalize(folder));
  }

  /** Turns fault switches on (merged into the current ones); `seed` restarts the RNG. */
  async setFaults(patch: Partial<SftpFaultSettings>, seed?: number): Promise<void> {
    this.faults.set(patch, seed);
    if (patch.outage === undefined) return;
    await this.applyOutage(patch.outage);
  }

  async clearFaults(): Promise<void> {
    this.faults.clear();
    await this.applyOutage(null);
  }

  resetCounters(): void {
    this.warehouse.counters = emptySftpCounters();
  }

  /** Schedules work on a timer close() cancels. */
  later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  /** Keeps an interval timer for close() to cancel (clearTimeout clears intervals too). */
  track(timer: NodeJS.Timeout): void {
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.server.stopListening();
  }

  private async applyOutage(outage: SftpFaultSettings["outage"]): Promise<void> {
    this.server.mode = outage?.mode === "hang" ? "hang" : "serve";
    if (outage?.mode === "refuse") await this.server.stopListening();
    else await this.server.resume();
    if (outage?.until) this.later(Math.max(0, outage.until.getTime() - Date.now()), () => void this.setFaults({ outage: null }));
  }
}

export async function startSftpWarehouseSim(options: SftpWarehouseSimOptions = {}): Promise<SftpWarehouseSim> {
  const now = options.now ?? (() => new Date());
  const fs = new MemoryFs(now);
  const faults = new SftpFaults(options.seed ?? 1);
  const headers: SimHeaders = {
    order: { ...DEFAULT_SIM_HEADERS.order, ...options.headers?.order },
    dispatch: { ...DEFAULT_SIM_HEADERS.dispatch, ...options.headers?.dispatch },
    stock: { ...DEFAULT_SIM_HEADERS.stock, ...options.headers?.stock },
  };
  const x12 = options.format === "x12";
  const parties: X12Parties = { ...X12_PARTIES, ...options.x12 };
  const warehouse = new SftpWarehouse(fs, {
    folders: { ...(x12 ? X12_FOLDERS : DEFAULT_FOLDERS), ...options.folders }, format: x12 ? x12Format(parties, now) : csvFormat(headers), archive: options.archive ?? "move", dedupeByName: options.dedupeByName ?? true,
    products: options.products ? new Set(options.products) : null, facilityCode: options.facilityCode ?? "SFTP1", stockFeed: options.stockFeed ?? "on-change", now,
  });
  const hostKey = options.hostKey ?? generateHostKey();
  const credentials = options.credentials ?? { username: "loadbay", password: "sim-password" };
  const publicKeys = (options.authorizedKeys ?? []).map((k) => {
    const parsed = ssh2.utils.parseKey(k);
    if (parsed instanceof Error) throw new Error(`warehouse-sim (sftp): authorized key cannot be read (${parsed.message})`);
    return parsed;
  });
  const log: { op: SftpOp; path: string }[] = [];
  const server = new SshServer(hostKey, { ...credentials, publicKeys }, (sftp, drop) =>
    serveSftp(sftp, { fs, faults, drop, log: (op, path) => log.push({ op, path }), sleep: (ms) => new Promise((resolve) => sim.later(ms, resolve)) }),
  );
  const sim = new SftpWarehouseSim(server, fs, faults, warehouse, hostKey, parties, log);
  if (options.autoDispatch) warehouse.onReceived = autoDispatcher((ms, work) => sim.later(ms, work), warehouse, options.autoDispatch);
  await server.listen(options.port ?? 0);
  const every = options.pickupMs === undefined ? 100 : options.pickupMs;
  if (every !== null) sim.track(setInterval(() => warehouse.pickUp(), every));
  return sim;
}

/**
 * An ed25519 host key that ssh2 can read back: about 1 in 400 keys from ssh2's own generator come out
 * malformed (seen as "Malformed OpenSSH private key" when the server starts), so generate until one parses.
 */
export function generateKeyPair(options: { passphrase?: string; cipher?: string; rounds?: number } = {}): { private: string; public: string } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const keys = options.passphrase ? ssh2.utils.generateKeyPairSync("ed25519", options as never) : ssh2.utils.generateKeyPairSync("ed25519");
    if (!(ssh2.utils.parseKey(keys.private, options.passphrase) instanceof Error)) return keys;
  }
  throw new Error("could not generate a readable ed25519 key");
}

export const generateHostKey = (): string => generateKeyPair().private;
