import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Reads a V8 `.cpuprofile` (`node --cpu-prof`) of `next start` and says where the time went, in
 * terms of the sources: Turbopack's server chunks are mapped back through their source maps to
 * our files and to npm packages. Usage: `npx tsx bench/support/profile.ts <file.cpuprofile>`.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A span of the monotonic clock V8 stamps samples with (µs, as `process.hrtime.bigint() / 1000n`). */
export interface Window {
  fromUs: number;
  toUs: number;
}
interface Frame {
  name: string;
  /** Where the code comes from: a source file of ours, an npm package, node, or V8 itself. */
  origin: string;
  ours: boolean;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : null);
  }
  return maps.get(file)!;
}

function originOf(source: string, root: string): { origin: string; ours: boolean } {
  const clean = decodeURIComponent(source.replace(/^file:\/\//, "")).replace(/^(\.\.\/)+/, "");
  const packageMatch = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(clean);
  if (packageMatch) return { origin: packageMatch[1]!, ours: false };
  const relative = clean.startsWith(root) ? path.relative(root, clean) : clean;
  return { origin: relative, ours: /^(app|lib|db)\//.test(relative) };
}

function frameOf(node: ProfileNode, root: string): Frame {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || "(anonymous)";
  if (!url) return { name, origin: name.startsWith("(") ? name : "(native)", ours: false };
  // node:internal/async_hooks and friends, by module: AsyncLocalStorage's cost on Node 20 shows here.
  if (url.startsWith("node:")) return { name, origin: url.replace(/^node:(internal\/)?/, "node:"), ours: false };
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const entry = sourceMapFor(file)?.findEntry(lineNumber, columnNumber);
  if (entry && "originalSource" in entry && entry.originalSource) {
    const mapped = originOf(path.resolve(path.dirname(file), entry.originalSource), root);
    if (!mapped.ours) return { name, ...mapped };
    // Server chunks are minified: name our functions by their original source line instead.
    const map = sourceMapFor(file)!;
    const content = map.payload.sourcesContent?.[map.payload.sources.indexOf(entry.originalSource)];
    const line = content?.split("\n")[entry.originalLine]?.trim().slice(0, 70);
    return { ...mapped, name: line ? `\`${line}\`` : name, origin: `${mapped.origin}:${entry.originalLine + 1}` };
  }
  return { name, ...originOf(file, root) };
}

const byValue = (map: Map<string, number>, top: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);

export function summariseProfile(file: string, root: string, window?: Window): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const frames = new Map(profile.nodes.map((node) => [node.id, frameOf(node, root)]));

  const selfByOrigin = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  const inclusivePackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    total += delta;
    const frame = frames.get(id)!;
    if (frame.name === "(idle)") {
      idle += delta;
      return;
    }
    const originKey = frame.ours ? frame.origin.replace(/:\d+$/, "") : frame.origin;
    selfByOrigin.set(originKey, (selfByOrigin.get(originKey) ?? 0) + delta);
    const fn = `${frame.name}  [${frame.origin}]`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + delta);
    // Inclusive: every distinct function of ours, and every package, on this sample's stack.
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
      const f = frames.get(node)!;
      const key = f.ours ? `${f.name}  [${f.origin.replace(/:\d+$/, "")}]` : `pkg ${f.origin}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = f.ours ? inclusiveOurs : inclusivePackage;
      target.set(key.replace(/^pkg /, ""), (target.get(key.replace(/^pkg /, "")) ?? 0) + delta);
    }
  });

  const busy = total - idle;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
  const lines = (title: string, entries: [string, number][]) =>
    [`\n${title}`, ...entries.map(([key, ms]) => `  ${pct(ms)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${key}`)].join("\n");
  return [
    `profile ${path.relative(root, file)}${window ? " (the measured window only)" : ""}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (${((100 * idle) / total).toFixed(0)}% idle); percentages are of busy time`,
    lines("self time by origin (our files, npm packages, node, V8):", byValue(selfByOrigin, 25)),
    lines("inclusive time of our functions (on the stack):", byValue(inclusiveOurs, 30)),
    lines("inclusive time by package (on the stack):", byValue(inclusivePackage, 20)),
    lines("top self-time functions:", byValue(selfByFunction, 30)),
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/support/profile.ts <file.cpuprofile>");
  console.log(summariseProfile(path.resolve(file), path.resolve(import.meta.dirname, "../..")));
}
