import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface NodeRuntime {
  /** The `node` binary the servers run on. */
  executable: string;
  version: string;
}

const versionOf = (executable: string) => execFileSync(executable, ["--version"], { encoding: "utf8" }).trim();

/**
 * The Node the servers run on. 24 (production's runtime on Vercel) by default, fetched by
 * .ci/node24 into a cache outside the repository; any other major (`--node=20`) is the machine's
 * own `node`, the first on PATH past that cache, so one bench compares the two.
 */
export function nodeRuntime(major: string): NodeRuntime {
  const node24Bin = execFileSync("bash", [path.join(root, ".ci/node24")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  if (major === "24") {
    const executable = path.join(node24Bin, "node");
    return { executable, version: versionOf(executable) };
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const executable = path.join(dir, "node");
    if (!dir || path.resolve(dir) === path.resolve(node24Bin) || !existsSync(executable)) continue;
    const version = versionOf(executable);
    if (!version.startsWith(`v${major}.`)) throw new Error(`--node=${major}: the machine's node (${executable}) is ${version}`);
    return { executable, version };
  }
  throw new Error(`--node=${major}: no node on PATH besides .ci/node24's`);
}
