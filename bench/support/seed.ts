/**
 * Seeding through the public API, as a client would: sign up, fetch a JWT with the session
 * cookie, create tasks with the token.
 */

export interface BenchUser {
  id: string;
  token: string;
  taskIds: number[];
}

const PASSWORD = "bench-password-0123";

/**
 * Each seeded user acts as a client of its own address (`X-Forwarded-For`), so Better Auth's
 * per-IP limits on sign-up, when they are on, do not turn seeding into a queue. Any 429 left is
 * waited out (Retry-After) and retried.
 */
async function send(url: string, init: RequestInit, clientAddress: string): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", clientAddress);
    // As a page of the app would: Better Auth refuses a fetch() without an Origin.
    headers.set("origin", new URL(url).origin);
    const response = await fetch(url, { ...init, headers });
    if (response.status !== 429 || attempt === 20) return response;
    const wait = Number(response.headers.get("retry-after") ?? response.headers.get("x-retry-after") ?? 1);
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 0.2), 15) * 1000));
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function signUp(baseUrl: string, label: string, index: number): Promise<BenchUser> {
  const address = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  const email = `${label}-${index}-${Date.now()}@bench.example`;
  const signUpResponse = await send(
    `${baseUrl}/api/auth/sign-up/email`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `${label} ${index}`, email, password: PASSWORD }) },
    address,
  );
  const cookie = signUpResponse.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  const { user } = (await expectStatus(signUpResponse, 200, "sign-up")) as { user: { id: string } };
  const tokenResponse = await send(`${baseUrl}/api/auth/token`, { headers: { cookie } }, address);
  const { token } = (await expectStatus(tokenResponse, 200, "token")) as { token: string };
  return { id: user.id, token, taskIds: [] };
}

export async function createTask(baseUrl: string, user: BenchUser, title: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/${user.id}/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ title, description: title.length % 2 ? null : `Details of ${title}` }),
  });
  const task = (await expectStatus(response, 201, "create task")) as { id: number };
  return task.id;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `count` users (sign-up + token), each with `tasksEach` tasks created through the API. */
export async function seedUsers(baseUrl: string, label: string, count: number, tasksEach: number, offset = 0): Promise<BenchUser[]> {
  const users = await inParallel(Array.from({ length: count }, (_, i) => i + offset), 4, (index) => signUp(baseUrl, label, index));
  await inParallel(users, 8, async (user) => {
    for (let i = 0; i < tasksEach; i += 1) user.taskIds.push(await createTask(baseUrl, user, `${label} task ${i + 1}`));
  });
  return users;
}
