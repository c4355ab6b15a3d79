import { mcpRoute } from "@/lib/mcp/route";
import { serveMcp } from "@/lib/mcp/server";

// /api/mcp – the MCP endpoint (Streamable HTTP): POST carries JSON-RPC; GET and DELETE (2025-era
// session operations) answer 405, the server being stateless. See docs/mcp.md.
const mcp = mcpRoute(serveMcp);

export { mcp as GET, mcp as POST, mcp as DELETE };
