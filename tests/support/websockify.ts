import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "./free-port";

/** Where the workers reach the bridge, and the directory where each names its own target. */
export interface WebsockifyBridge {
  port: number;
  tokenDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    websockify: WebsockifyBridge | undefined;
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });

/**
 * Vitest global setup: under DATABASE_DRIVER=neon, one websockify (Debian's WebSocket-to-TCP
 * bridge; the Neon driver speaks PostgreSQL over a WebSocket) for the whole run, started here and
 * stopped by the returned teardown, in the main process. A worker's own exit is not a reliable
 * place to stop a child: Vitest ends its workers without always running their exit handlers.
 * Each worker still needs its own target (its outage proxy, tests/support/database.ts): it writes
 * a token file into `tokenDir`, and its connections name that token (websockify's TokenFile
 * plugin, which reads the directory on every connection).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_DRIVER !== "neon") {
    project.provide("websockify", undefined);
    return undefined;
  }
  const tokenDir = mkdtempSync(path.join(tmpdir(), "todo-websockify-"));
  const port = await freePort();
  const child = spawn("websockify", ["--token-plugin", "TokenFile", "--token-source", tokenDir, `127.0.0.1:${port}`], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const failed = new Promise<never>((_, reject) =>
    child.once("error", (error) => reject(new Error(`websockify could not start (apt-get install websockify): ${error.message}`))),
  );
  const teardown = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
    rmSync(tokenDir, { recursive: true, force: true });
  };
  try {
    await Promise.race([failed, waitUntilListening(port)]);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("websockify", { port, tokenDir });
  return teardown;
}

async function waitUntilListening(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await listening(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("websockify did not start listening");
}
