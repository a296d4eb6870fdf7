// Starting Loadbay's own processes (web, worker) for the demo, benchmarks and chaos runs: the same
// entry points production uses, as child processes on Node 22 from node_modules.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
const NODE = join(ROOT, "node_modules", ".bin", "node");

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Signals the process and resolves with its exit code (null when a signal ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(name: string, args: string[], env: Record<string, string>, options: { echo?: boolean } = {}): ManagedProcess {
  const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const collect = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    if (options.echo) process.stderr.write(`[${name}] ${d}`);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // Never leave a child behind when the parent dies.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  child.on("exit", () => process.off("exit", orphanGuard));
  child.on("exit", (code, signal) => collect(Buffer.from(`\n[${name} exited: code ${code}, signal ${signal}]\n`)));
  return {
    name,
    child,
    output: () => out,
    stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill(signal);
      });
    },
  };
}

/** The production web server (`npm start`: server.ts on the Vite build). */
export function startWeb(env: Record<string, string>, options: { echo?: boolean } = {}): ManagedProcess {
  return startProcess("web", [...WEB_NODE_FLAGS, "--import", "tsx", join(ROOT, "server.ts")], env, options);
}

/** The worker (`npm run worker`, same V8 flags: see WORKER_NODE_FLAGS). */
export function startWorker(env: Record<string, string>, options: { echo?: boolean; name?: string } = {}): ManagedProcess {
  return startProcess(options.name ?? "worker", [...WORKER_NODE_FLAGS, "--import", "tsx", join(ROOT, "app", "jobs", "worker.server.ts")], env, options);
}

/**
 * The web process's V8 flags (decision 0026): no memory reducer. After a quiet spell V8 shrinks the heap
 * with full collections of 20–45 ms, and the next burst of webhooks waits behind them. Same flags as `npm
 * start` (a unit test keeps them in step); LOADBAY_WEB_NODE_FLAGS overrides them for experiments.
 */
export const WEB_NODE_FLAGS = (process.env.LOADBAY_WEB_NODE_FLAGS ?? "--no-memory-reducer").split(" ").filter(Boolean);

/**
 * The worker's V8 heap, sized for its memory budget (decision 0016): its garbage is short-lived job
 * data, so small young-generation semi-spaces and an explicit old-space limit make V8 collect before
 * resident memory grows, instead of sizing the heap from the machine's RAM. Same flags as `npm run
 * worker` (a unit test keeps them in step); LOADBAY_WORKER_NODE_FLAGS overrides them for experiments.
 */
export const WORKER_NODE_FLAGS = (process.env.LOADBAY_WORKER_NODE_FLAGS ?? "--max-semi-space-size=2 --max-old-space-size=512").split(" ").filter(Boolean);

/**
 * Builds the app unless `force` is false and the build is newer than every file under app/. Test
 * files run in parallel, so one build at a time: the others wait for the lock, then find it fresh.
 */
export function ensureBuilt(force = false): void {
  const built = join(ROOT, "build", "server", "index.js");
  const fresh = () => existsSync(built) && statSync(built).mtimeMs > newestMtime(join(ROOT, "app"));
  if (!force && fresh()) return;
  withLock(join(ROOT, "node_modules", ".loadbay-build.lock"), () => {
    if (!force && fresh()) return;
    const result = spawnSync(NODE, [join(ROOT, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: ROOT, stdio: "inherit" });
    if (result.status !== 0) throw new Error("remix vite:build failed");
  });
}

function withLock(path: string, work: () => void): void {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      closeSync(openSync(path, "wx"));
      break;
    } catch {
      // A lock older than the deadline is a crashed build's leftover.
      if (Date.now() > deadline || Date.now() - statSync(path, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(path, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    work();
  } finally {
    rmSync(path, { force: true });
  }
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Makes sure PostgreSQL and Redis run (and a database exists); see tools/services/ensure.sh. */
export function ensureServices(extraDatabase?: string): void {
  const result = spawnSync("bash", [join(ROOT, "tools", "services", "ensure.sh")], {
    stdio: "inherit",
    env: { ...process.env, LOADBAY_EXTRA_DB: extraDatabase ?? "" },
  });
  if (result.status !== 0) throw new Error("PostgreSQL or Redis could not be started");
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
