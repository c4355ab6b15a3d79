// node .ci/leftovers.mjs RUN_PID MARKER: fails (exit 1) when a process the CI run started is still
// running: one carrying the run's MARKER in its environment (exported by .ci/run, so inherited by
// everything that does not choose its children's environment), or one started after the run
// (RUN_PID) with this checkout as its working directory (servers the bench starts with an
// environment of their own: `next start`, the bare server). Such processes are listed, then
// stopped, so that a failed run still leaves the machine clean. Linux only (/proc).
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";

const [runPid, marker] = process.argv.slice(2);
if (!runPid || !marker) throw new Error("usage: node .ci/leftovers.mjs RUN_PID MARKER");
const checkout = path.resolve(import.meta.dirname, "..");

/** Fields of /proc/PID/stat after the parenthesised name (which may hold spaces). */
const stat = (pid) => {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
};
// starttime (field 22 of stat), in clock ticks since boot.
const startOf = (pid) => Number(stat(pid)[19]);
const runStart = startOf(runPid);
// The run's siblings (`.ci/run | tee log`) share its parent; they are not the run's to stop.
const runParent = stat(runPid)[1];
const spared = new Set([String(process.pid), runPid]);

function leftovers() {
  const found = [];
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry) && !spared.has(entry))) {
    try {
      if (stat(pid)[0] === "Z") continue; // exited, waiting for its parent to read its status
      const environment = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      const marked = environment.includes(marker);
      const ours = startOf(pid) > runStart && stat(pid)[1] !== runParent && readlinkSync(`/proc/${pid}/cwd`) === checkout;
      if (marked || ours) found.push({ pid: Number(pid), command: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim() });
    } catch {
      // Gone while we looked, or not ours to read.
    }
  }
  return found;
}

// A process told to stop a moment ago may still be on its way out.
let found = leftovers();
for (let attempt = 0; found.length > 0 && attempt < 10; attempt += 1) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  found = leftovers();
}
if (found.length === 0) {
  console.log("no process of this run is left");
  process.exit(0);
}
console.log(`${found.length} processes of this run are still running (stopping them now):`);
for (const { pid, command } of found) {
  console.log(`  ${pid} ${command}`);
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
process.exit(1);
