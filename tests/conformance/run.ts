/**
 * The MCP conformance suite (@modelcontextprotocol/conformance, Node 22+) against the production
 * build, with the scenarios that apply to a task server. The suite's client sends no token and
 * has no option to, and this server answers nothing without one: so the run signs a person up,
 * connects an assistant the way any client does (OAuth, consent, PKCE) and puts a proxy in
 * front of the server that adds that token, nothing else. Host and Origin pass through as sent,
 * so the DNS rebinding scenario meets the server's own checks (the proxy's origin is trusted,
 * as an operator's reverse proxy would be).
 *
 *   npm run build && PATH="$(bash .ci/node24):$PATH" npm run test:conformance
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectOverHttp, signUpOverHttp, Transcript } from "../smoke/mcp-connect";
import { freePort } from "../support/free-port";
import { startServer } from "../smoke/server";

const SCENARIOS = ["server-initialize", "ping", "tools-list", "dns-rebinding-protection", "tools-call-error", "json-schema-2020-12"];
const root = path.join(import.meta.dirname, "../..");
const expectedFailures = path.join(import.meta.dirname, "expected-failures.yml");

/** Runs a command to its end (asynchronously: the proxy in this process must keep serving). */
function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: root });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
}

function startTokenProxy(target: URL, token: string, port: number): Promise<http.Server> {
  const proxy = http.createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, authorization: incoming.headers.authorization ?? `Bearer ${token}` };
    const forwarded = http.request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => proxy.listen(port, "127.0.0.1", () => resolve(proxy)));
}

async function main(): Promise<number> {
  if (Number(process.versions.node.split(".")[0]) < 22) throw new Error(`the conformance suite needs Node 22+ (this is ${process.version}): PATH="$(bash .ci/node24):$PATH"`);
  const proxyPort = await freePort();
  const server = await startServer({ TRUSTED_ORIGINS: `http://localhost:${proxyPort}` });
  try {
    const transcript = new Transcript(server.baseUrl);
    const person = await signUpOverHttp(server.baseUrl, transcript);
    const { assistant } = await connectOverHttp(server.baseUrl, person, transcript);
    const proxy = await startTokenProxy(new URL(server.baseUrl), assistant.stored!.access_token, proxyPort);
    const results = mkdtempSync(path.join(tmpdir(), "mcp-conformance-"));
    let failed = 0;
    try {
      for (const scenario of SCENARIOS) {
        const status = await run(path.join(root, "node_modules/.bin/conformance"), [
          "server",
          "--url",
          `http://localhost:${proxyPort}/api/mcp`,
          "--scenario",
          scenario,
          "--expected-failures",
          expectedFailures,
          "-o",
          results,
        ]);
        console.log(`::: conformance ${scenario}: ${status === 0 ? "as expected" : "FAILED"}`);
        if (status !== 0) failed += 1;
      }
    } finally {
      proxy.close();
    }
    console.log(`conformance: ${SCENARIOS.length - failed} of ${SCENARIOS.length} scenarios as expected (results in ${results})`);
    return failed === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
