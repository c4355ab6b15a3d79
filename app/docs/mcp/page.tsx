import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/docs/mcp.module.css";
import { mcpSettings } from "@/lib/mcp/settings";
import { CONNECTED_APPS_PAGE } from "@/lib/oauth/pages";

export const metadata: Metadata = {
  title: "Use it from an AI assistant (MCP)",
  description: "Connect Claude, ChatGPT, VS Code or Cursor to your todo-next tasks through MCP.",
};

// The server URL is this deployment's (BETTER_AUTH_URL or the Vercel URL), read when served.
export const dynamic = "force-dynamic";

export default function McpDocsPage() {
  const url = mcpSettings.resource;
  return (
    <main id="main" className={styles.page}>
      <p>
        <Link href="/docs">← API documentation</Link>
      </p>
      <h1>Use it from an AI assistant</h1>
      <p>
        todo-next is an MCP server: an assistant you connect can list, add, change, complete and delete your tasks, after you
        sign in and allow it. Add this server URL in the assistant:
      </p>
      <code className={styles.url}>{url}</code>
      <h2>In your assistant</h2>
      <ul>
        <li>
          <strong>Claude</strong>: Settings → Connectors → Add custom connector, paste the URL.
        </li>
        <li>
          <strong>ChatGPT</strong>: Settings → Apps &amp; Connectors → Advanced settings → Developer mode; then Create, paste the
          URL, authentication OAuth.
        </li>
        <li>
          <strong>VS Code</strong>: MCP: Add Server… → HTTP, paste the URL (or <code>.vscode/mcp.json</code>).
        </li>
        <li>
          <strong>Cursor</strong>: in <code>~/.cursor/mcp.json</code>, <code>{`"todo-next": { "url": "${url}" }`}</code> under{" "}
          <code>mcpServers</code>.
        </li>
      </ul>
      <p>
        Menu labels vary by plan and version. Claude and ChatGPT connect from their own servers, so they need a public HTTPS
        address (a deployment), not localhost.
        The assistant opens a page here where you sign in and choose Allow or Deny. Read-only assistants can only list and read.
        See and disconnect connected assistants on <Link href={CONNECTED_APPS_PAGE}>Connected apps</Link>.
      </p>
      <h2>Tools</h2>
      <ul>
        <li>
          <code>list_tasks</code>, <code>get_task</code>: read (filter, search, sort and pages as in the API)
        </li>
        <li>
          <code>add_task</code>, <code>update_task</code>, <code>complete_task</code>, <code>delete_task</code>: change
        </li>
      </ul>
      <h2>Check it from a terminal</h2>
      <p>With the MCP Inspector (Node 22+); the first run asks you to allow it in the browser:</p>
      <pre>
        <code>{`npx -y @modelcontextprotocol/inspector@2.12.0 --cli ${url} --method tools/list`}</code>
      </pre>
    </main>
  );
}
