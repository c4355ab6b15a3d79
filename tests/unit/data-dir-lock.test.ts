import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/db/data-dir-lock";

function tempDir() {
  return path.join(mkdtempSync(path.join(tmpdir(), "todo-lock-")), "pglite");
}

describe("lockDataDir – one process per embedded data directory", () => {
  it("takes the lock, writes its pid, and releases it", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses, naming the directory, while another live process holds it", async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`The embedded database at ${dir} is already open in another process (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that has exited", async () => {
    const dir = tempDir();
    const exited = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => exited.on("exit", resolve));
    writeFileSync(`${dir}.lock`, String(exited.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });
});
