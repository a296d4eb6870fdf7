// CPU time and memory of processes, read from /proc (a child process such as `ps` every second would stall
// the simulators in the bench process). CPU time is a figure per order that the machine's noise moves
// far less than throughput or latency do (another process's load takes turns, not instructions).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_S = 100; // USER_HZ on Linux

/** Resident memory in MB; 0 once the process is gone. */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds of one process so far; 0 once it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process on the machine (backends come and go, so each is sampled). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").startsWith("postgres")) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds per process between `start()` and `stop()`, for PostgreSQL summed over its processes. */
export function cpuMeter(named: Record<string, () => number | undefined>) {
  const startedAt: Record<string, number> = {};
  const pgStart = new Map<number, number>();
  return {
    start() {
      for (const [name, pid] of Object.entries(named)) startedAt[name] = cpuSeconds(pid());
      for (const pid of postgresPids()) pgStart.set(pid, cpuSeconds(pid));
    },
    /** Seconds used since `start()`; PostgreSQL's backends that ended meanwhile are not counted. */
    stop(): Record<string, number> {
      const used: Record<string, number> = {};
      for (const [name, pid] of Object.entries(named)) used[name] = cpuSeconds(pid()) - (startedAt[name] ?? 0);
      used.postgres = postgresPids().reduce((sum, pid) => sum + cpuSeconds(pid) - (pgStart.get(pid) ?? 0), 0);
      return used;
    },
  };
}

/**
 * The machine's CPU time taken by the hypervisor (steal) from now until `stop()`, as a share of all CPU
 * time. On these shared VMs it comes in bursts and stalls every process at once, so a latency tail
 * measured during a burst says more about the neighbours than about Loadbay.
 */
export function stealMeter() {
  const read = () => {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  };
  const first = read();
  return {
    /** Percent of CPU time stolen since the meter was made. */
    stop(): number {
      const last = read();
      return last.total > first.total ? (100 * (last.steal - first.steal)) / (last.total - first.total) : 0;
    },
  };
}
