import { describe, expect, it } from "vitest";
import { getSessionUser } from "@/lib/session";
import { signUp } from "../support/api";

describe("getSessionUser (the pages' server-side session check)", () => {
  it("returns the user behind a valid session cookie", async () => {
    const user = await signUp("Grace");
    expect(await getSessionUser(new Headers({ cookie: user.cookie }))).toEqual({ id: user.id, name: "Grace", email: user.email });
  });

  it("is null without a cookie, or with a cookie that names no session", async () => {
    expect(await getSessionUser(new Headers())).toBeNull();
    expect(await getSessionUser(new Headers({ cookie: "better-auth.session_token=forged.value" }))).toBeNull();
  });
});
