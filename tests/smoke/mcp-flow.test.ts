import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { connectedAppsPage, connectOverHttp, disconnectOverHttp, signUpOverHttp, Transcript } from "./mcp-connect";

/**
 * The whole MCP flow against the production server over real HTTP: connect → authorize →
 * call → disconnect. With MCP_FLOW_URL set (e.g. http://localhost:3160), it runs against that
 * server instead of starting one, and prints the transcript of requests and statuses.
 */

const external = process.env.MCP_FLOW_URL;
let server: RunningServer | undefined;
let baseUrl: string;

beforeAll(async () => {
  if (external) baseUrl = external.replace(/\/$/, "");
  else {
    server = await startServer();
    baseUrl = server.baseUrl;
  }
});

afterAll(async () => {
  await server?.stop();
});

describe("MCP over HTTP against the production build", () => {
  it("connect → authorize → call → disconnect, with the SDK client, the consent page and the Connected apps page", async () => {
    const transcript = new Transcript(baseUrl);
    transcript.note("the person signs up");
    const person = await signUpOverHttp(baseUrl, transcript);

    const { client, assistant, consentPage } = await connectOverHttp(baseUrl, person, transcript);
    expect(consentPage.status).toBe(200);
    expect(consentPage.html).toContain("Smoke Assistant wants to read and change your tasks.");
    expect(consentPage.html).toContain(">Allow<");
    expect(consentPage.html).toContain(">Deny<");

    transcript.note("the assistant calls tools");
    const added = await client.callTool({ name: "add_task", arguments: { title: "Buy milk" } });
    const task = added.structuredContent as { id: number; title: string };
    expect(task.title).toBe("Buy milk");
    const list = await client.callTool({ name: "list_tasks", arguments: { complete: false } });
    expect((list.structuredContent as { count: number }).count).toBe(1);
    await client.callTool({ name: "complete_task", arguments: { task_id: task.id } });

    transcript.note("the REST API sees the change");
    const rest = await transcript.fetch(`${baseUrl}/api/${person.id}/tasks/${task.id}`, { headers: { authorization: `Bearer ${person.token}` } });
    expect(await rest.json()).toMatchObject({ id: task.id, title: "Buy milk", complete: true });

    transcript.note("the person sees the app on Connected apps and disconnects it");
    expect(await connectedAppsPage(baseUrl, person, transcript)).toContain("Smoke Assistant");
    const disconnect = await disconnectOverHttp(baseUrl, person, transcript, assistant.client!.client_id);
    expect(disconnect.status).toBeLessThan(400);
    expect(await connectedAppsPage(baseUrl, person, transcript)).toContain("No apps are connected.");

    transcript.note("the assistant's token no longer works");
    const refused = await transcript.fetch(`${baseUrl}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${assistant.stored!.access_token}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_tasks", arguments: {} } }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');

    if (external) console.log(transcript.lines.join("\n"));
  });
});
