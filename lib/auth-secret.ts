import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * The secret that signs sessions and encrypts the JWT signing keys. Configured secrets win.
 * Otherwise (local use only: lib/env refuses production with a DATABASE_URL and no secret) one is
 * generated once and kept beside the embedded data, so sessions and keys survive restarts.
 */
export function resolveAuthSecret(config: Pick<Env, "authSecret" | "dataDir" | "inMemory">): string {
  if (config.authSecret) return config.authSecret;
  if (config.inMemory) return randomBytes(32).toString("base64url");
  const file = path.join(config.dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(config.dataDir, { recursive: true });
  // "wx": if another process created it a moment ago, use theirs rather than overwrite it.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  logger.info({ file: path.resolve(file) }, "BETTER_AUTH_SECRET is not set: generated one and saved it beside the embedded data");
  return secret;
}

let processSecret: string | undefined;
const derivedKeys = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose (e.g. `"list cursor"`), derived from the auth secret with HKDF
 * (SHA-256, the purpose as its info): what signs one thing cannot sign another, and the secret
 * itself never keys anything but Better Auth.
 */
export function derivedKey(purpose: string): Buffer {
  let key = derivedKeys.get(purpose);
  if (!key) {
    processSecret ??= resolveAuthSecret(env);
    key = Buffer.from(hkdfSync("sha256", processSecret, "todo-next", `todo-next ${purpose}`, 32));
    derivedKeys.set(purpose, key);
  }
  return key;
}
