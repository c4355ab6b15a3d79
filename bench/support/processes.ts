import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import net from "node:net";

/** The bench's ports (freePort's `range`): 3300–3399, or BENCH_PORTS=first-last (two benches on one machine). */
const [firstPort = 3300, lastPort = 3399] = (process.env.BENCH_PORTS ?? "3300-3399").split("-").map(Number);
export const BENCH_PORTS: readonly [number, number] = [firstPort, lastPort];

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export interface Server {
  name: string;
  pid: number;
  /** The last lines the process wrote to stderr (and stdout when it is kept), for error reports. */
  output: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
}

/**
 * Starts a server in a process group of its own, so stopping it also stops anything it spawned.
 * stdout is discarded unless asked for: the app writes one log line per request, and reading
 * those in the load generator's process would take CPU from the measurement.
 */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, options: { cwd: string; keepStdout?: boolean }): Server {
  const keepStdout = options.keepStdout ?? false;
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env,
    stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe"],
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    name,
    pid: child.pid!,
    output: () => tail,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (after the parenthesised name, which may contain spaces) is the parent pid.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  let kib = 0;
  for (const each of [pid, ...descendants(pid)]) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, "utf8"));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return Math.round((kib / 1024) * 10) / 10;
}

// Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream architecture).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process and its descendants have used, in ms. On a shared machine
 * this is steadier than throughput: others' load slows a server down, but barely changes how
 * much CPU each of its requests needs.
 */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const each of [pid, ...descendants(pid)]) {
    try {
      const stat = readFileSync(`/proc/${each}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // Gone.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function descendants(pid: number): number[] {
  const direct = childrenOf(pid);
  return [...direct, ...direct.flatMap(descendants)];
}

/** Polls `probe` until it returns true; the time it took, in ms. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, server?: Server): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (server?.exited()) throw new Error(`${server.name} exited while waiting for ${what}:\n${server.output()}`);
    if (await probe().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}${server ? `:\n${server.output()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
