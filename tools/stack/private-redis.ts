// A throw-away redis-server on a free loopback port (no persistence), for runs that flush or stop
// Redis: a FLUSHALL on the machine's shared Redis would wipe everyone else's queues.
import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./isolated-env";

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 50, lazyConnect: true });
  await probe.connect().catch(() => undefined);
  for (let i = 0; i < 100 && probe.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
  probe.disconnect();
  return {
    url,
    port,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
