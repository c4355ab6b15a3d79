import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from "node:crypto";

// Better Auth hashes a password with scrypt at N=16384, r=16: about 200 ms of CPU on this kind of
// machine, for every sign-up and sign-in. The test suite signs up hundreds of people per run, on
// three database drivers at once, so that cost alone was a large share of CI. Under NODE_ENV=test
// (lib/env.ts refuses it anywhere else) the suite may hash at a small cost instead; the smoke and
// browser tests run the production build, with Better Auth's own hashing.
const COST = { N: 1024, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Better Auth's `emailAndPassword.password` hooks, cheap: "salt:key", both hex. */
export const testPasswordHashing = {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16).toString("hex");
    return `${salt}:${(await derive(password, salt)).toString("hex")}`;
  },
  async verify({ hash, password }: { hash: string; password: string }): Promise<boolean> {
    const [salt, key] = hash.split(":");
    if (!salt || !key) return false;
    const expected = Buffer.from(key, "hex");
    const actual = await derive(password, salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  },
};
