import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

/**
 * The account endpoints of a production server reached directly (no proxy in front), as an
 * attacker would reach them: client-chosen addresses, huge bodies, password guessing, sign-up
 * floods.
 */

const PASSWORD = "correct-horse-battery";

function post(server: RunningServer, path: string, body: unknown, forwardedFor: string) {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, "x-forwarded-for": forwardedFor },
    body: JSON.stringify(body),
  });
}

/** Sends raw HTTP: `head`, then up to `bodyBytes` of chunked body while the server keeps reading. */
function rawPost(server: RunningServer, head: string, bodyBytes: number): Promise<{ status: number; written: number; ms: number }> {
  const { port } = new URL(server.baseUrl);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let written = 0;
    let answered = false;
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.on("error", () => undefined); // the server may close the connection once it has answered
    socket.once("data", (data) => {
      answered = true;
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(String(data))?.[1]), written, ms: Date.now() - started });
      socket.destroy();
    });
    socket.on("connect", async () => {
      socket.write(head);
      while (written < bodyBytes && !answered && !socket.destroyed) {
        const flushed = socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk) && socket.write("\r\n");
        written += chunk.length;
        // Wait for the server to take more, looking up now and then whether it has answered.
        if (!flushed) {
          await new Promise<void>((resume) => {
            const next = () => (socket.off("drain", next), clearTimeout(timer), resume());
            const timer = setTimeout(next, 50);
            socket.once("drain", next);
          });
        }
      }
    });
    setTimeout(() => answered || reject(new Error(`no answer; ${written} bytes written`)), 30_000).unref();
  });
}

describe("a production server reached directly (no TRUSTED_PROXIES)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("POST /api/auth/sign-in/email – a client-chosen X-Forwarded-For buys no budget of its own: 4 tries claiming 4 addresses share one (401, 401, 401, 429)", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await post(server, "/api/auth/sign-in/email", { email: `nobody-${randomUUID()}@example.com`, password: "wrong-password" }, `192.0.2.${10 + i}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("POST /api/auth/sign-in/email – a 20 MB body is answered 413 long before it is sent, and no longer read", async () => {
    const head = `POST /api/auth/sign-in/email HTTP/1.1\r\nHost: localhost\r\nOrigin: ${server.baseUrl}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const { status, written } = await rawPost(server, head, 20 * 1024 * 1024);
    expect(status).toBe(413);
    // What the socket buffers took before the answer; the whole body was sent (and read) before.
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it("POST /api/auth/sign-up/email – a Content-Length of 20 MB is answered 413 at once, without the body", async () => {
    const head = `POST /api/auth/sign-up/email HTTP/1.1\r\nHost: localhost\r\nOrigin: ${server.baseUrl}\r\nContent-Type: application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n{}`;
    const { status, written, ms } = await rawPost(server, head, 0);
    expect(status).toBe(413);
    expect(written).toBe(0);
    expect(ms).toBeLessThan(5_000);
  });

  it("POST /api/auth/sign-up/email – 413 for a 100,000-character name; 422 naming the field for 101 characters", async () => {
    const huge = await post(server, "/api/auth/sign-up/email", { name: "x".repeat(100_000), email: `long-${randomUUID()}@example.com`, password: PASSWORD }, "192.0.2.50");
    expect(huge.status).toBe(413);
    const long = await post(server, "/api/auth/sign-up/email", { name: "x".repeat(101), email: `long-${randomUUID()}@example.com`, password: PASSWORD }, "192.0.2.51");
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({ error_code: "VALIDATION_ERROR", errors: [{ loc: ["body", "name"] }] });
  });
});

describe("a production server behind a trusted proxy, with a sign-up budget of 3 a minute", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ TRUSTED_PROXIES: "203.0.113.9", SIGNUP_RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const client = (n: number) => `198.51.100.${n}, 203.0.113.9`;
  let victim = "";

  it("POST /api/auth/sign-up/email – the 4th sign-up within a minute is 429 RATE_LIMITED, from whichever client", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const email = `burst-${randomUUID()}@example.com`;
      const response = await post(server, "/api/auth/sign-up/email", { name: "Burst", email, password: PASSWORD }, client(i + 1));
      statuses.push(response.status);
      if (i === 0) victim = email;
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await response.json()).toMatchObject({ error_code: "RATE_LIMITED", code: "TOO_MANY_SIGN_UPS" });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("POST /api/auth/sign-in/email – 30 wrong passwords for one account from 30 clients: 401 five times, then 429 with Retry-After", async () => {
    const statuses = [];
    let retryAfter = 0;
    for (let i = 0; i < 30; i += 1) {
      const response = await post(server, "/api/auth/sign-in/email", { email: victim, password: `wrong-${i}` }, client(100 + i));
      statuses.push(response.status);
      if (response.status === 429) retryAfter = Number(response.headers.get("retry-after"));
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });
});
