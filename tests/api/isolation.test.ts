import { describe, expect, it } from "vitest";
import { call, createTask, signUp, tasksPath } from "../support/api";

// Alice owns a task; Bob has a valid token of his own. Nothing Bob does reads or changes it.
async function aliceAndBob() {
  const alice = await signUp("Alice");
  const bob = await signUp("Bob");
  const task = await createTask(alice, { title: "Alice's secret", description: "private" });
  return { alice, bob, task };
}

describe("user isolation on all six endpoints", () => {
  it("403 AUTH_FORBIDDEN on another user's path, for every endpoint", async () => {
    const { alice, bob, task } = await aliceAndBob();
    const attempts: [string, string, unknown?][] = [
      ["GET", tasksPath(alice)],
      ["POST", tasksPath(alice), { title: "planted" }],
      ["GET", tasksPath(alice, task.id)],
      ["PUT", tasksPath(alice, task.id), { title: "hijacked", complete: true }],
      ["PATCH", tasksPath(alice, task.id), { complete: true }],
      ["DELETE", tasksPath(alice, task.id)],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(method, path, { token: bob.token, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error_code).toBe("AUTH_FORBIDDEN");
      expect(response.text).not.toContain("secret");
    }
    const list = await call("GET", tasksPath(alice), { token: alice.token });
    expect(list.body.tasks).toEqual([task]);
  });

  it("403 AUTH_FORBIDDEN for another user's task on one's own path; the task is untouched", async () => {
    const { alice, bob, task } = await aliceAndBob();
    const attempts: [string, unknown?][] = [
      ["GET"],
      ["PUT", { title: "hijacked", complete: true }],
      ["PATCH", { title: "hijacked" }],
      ["DELETE"],
    ];
    for (const [method, body] of attempts) {
      const response = await call(method, tasksPath(bob, task.id), { token: bob.token, body });
      expect(response.status, method).toBe(403);
      expect(response.body.error_code).toBe("AUTH_FORBIDDEN");
      expect(response.text).not.toContain("secret");
    }
    const after = await call("GET", tasksPath(alice, task.id), { token: alice.token });
    expect(after.body).toEqual(task);
  });

  it("each user's list holds only their own tasks", async () => {
    const { alice, bob } = await aliceAndBob();
    await createTask(bob, { title: "Bob's" });
    const bobs = await call("GET", tasksPath(bob), { token: bob.token });
    expect(bobs.body.tasks.map((task: { title: string }) => task.title)).toEqual(["Bob's"]);
    const alices = await call("GET", tasksPath(alice), { token: alice.token });
    expect(alices.body.tasks.every((task: { user_id: string }) => task.user_id === alice.id)).toBe(true);
  });

  it("a task created by Bob is Bob's, whatever the body says", async () => {
    const { alice, bob } = await aliceAndBob();
    const response = await call("POST", tasksPath(bob), { token: bob.token, body: { title: "mine", user_id: alice.id } });
    expect(response.status).toBe(422);
  });
});

describe("Origin", () => {
  it("a request from a foreign page is refused with 403 before anything happens; trusted and absent origins pass", async () => {
    const user = await signUp();
    const foreign = await call("POST", tasksPath(user), {
      token: user.token,
      body: { title: "from evil.example" },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error_code).toBe("AUTH_FORBIDDEN");
    const same = await call("POST", tasksPath(user), { token: user.token, body: { title: "mine" }, headers: { origin: "http://localhost:3000" } });
    expect(same.status).toBe(201);
    const list = await call("GET", tasksPath(user), { token: user.token });
    expect(list.body.tasks.map((task: { title: string }) => task.title)).toEqual(["mine"]);
  });
});

describe("Origin on the auth endpoints", () => {
  it("POST /api/auth/sign-up/email – 403 from a foreign page, even without cookies (login CSRF)", async () => {
    const response = await call("POST", "/api/auth/sign-up/email", {
      body: { name: "Mallory", email: `mallory-${Date.now()}@example.com`, password: "correct-horse-battery" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "INVALID_ORIGIN", message: "Invalid origin" });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("POST /api/auth/sign-out – 403 INVALID_ORIGIN from a foreign page, the same body Better Auth gives", async () => {
    const response = await call("POST", "/api/auth/sign-out", { body: {}, headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error_code: "AUTH_FORBIDDEN", code: "INVALID_ORIGIN", message: "Invalid origin" });
  });
});
