import type { Metadata } from "next";
import Link from "next/link";
import { SwaggerDocs } from "@/components/docs/swagger-docs";
import styles from "@/components/docs/docs.module.css";

export const metadata: Metadata = {
  title: "API documentation (Swagger UI) – todo-next",
  description: "The todo-next REST API: every endpoint, status and schema, with “Try it out”.",
};

export default function DocsPage() {
  return (
    <main className={styles.wide}>
      <header className={styles.header}>
        <h1>todo-next API</h1>
        <nav aria-label="More documentation">
          <Link href="/redoc">ReDoc</Link> · <a href="/api/openapi.json">openapi.json</a> · <Link href="/docs/mcp">AI assistants (MCP)</Link>
        </nav>
      </header>
      <SwaggerDocs />
    </main>
  );
}
