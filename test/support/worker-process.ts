// Runs the real worker entry point (`npm run worker`) as a child process, for crash tests.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { TEST_ENV } from "./test-env";

const ROOT = join(import.meta.dirname, "..", "..");

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  // `node --import tsx` keeps the worker in one process, so a signal reaches the worker itself
  // (the tsx CLI would put a second process in between).
  const child = spawn(join(ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", join(ROOT, "app", "jobs", "worker.server.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_ENV, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  return {
    child,
    output: () => out,
    kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
