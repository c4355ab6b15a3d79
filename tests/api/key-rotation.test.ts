import { decodeProtectedHeader } from "jose";
import { isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { jwks } from "@/db/schema";
import { call, signUp, tasksPath } from "../support/api";

// The "roll a signing key" procedure of docs/operations.md, run for real: expire the current key in the
// database; the next token is signed with a new key, and tokens of the old key keep working
// until they expire.
describe("rolling the JWT signing key (docs/operations.md)", () => {
  it("UPDATE jwks SET expires_at = now() → new tokens use a new kid; old and new tokens both verify", async () => {
    const user = await signUp();
    const oldKid = decodeProtectedHeader(user.token).kid;

    const db = getDb();
    await db.update(jwks).set({ expiresAt: sql`now()` }).where(isNull(jwks.expiresAt));

    const fresh = await call<{ token: string }>("GET", "/api/auth/token", { headers: { cookie: user.cookie } });
    expect(fresh.status).toBe(200);
    const newKid = decodeProtectedHeader(fresh.body.token).kid;
    expect(newKid).toBeTruthy();
    expect(newKid).not.toBe(oldKid);

    expect((await call("GET", tasksPath(user), { token: user.token })).status).toBe(200);
    expect((await call("GET", tasksPath(user), { token: fresh.body.token })).status).toBe(200);

    const published = await call<{ keys: { kid: string }[] }>("GET", "/api/auth/jwks");
    expect(published.body.keys.map((key) => key.kid)).toContain(newKid);
  });
});
