import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { errorBody, toKnownError } from "@/lib/api/error-response";
import type { ErrorCode } from "@/lib/errors";

/**
 * A tool's answer: the result in the REST API's JSON shape as structured content, and as text a
 * short line for people plus the same JSON, for clients that show models only text (the MCP
 * specification asks servers to send both).
 */
export function toolSuccess(summary: string, structured: Record<string, unknown>): CallToolResult {
  return {
    content: [
      { type: "text", text: summary },
      { type: "text", text: JSON.stringify(structured) },
    ],
    structuredContent: structured,
  };
}

/**
 * A failed call as a tool error (`isError`), never a protocol error: the model reads what went
 * wrong and can correct itself. The body is the REST API's error envelope (`error_code`,
 * `detail`, `errors`, …); anything unexpected is logged and becomes a generic INTERNAL_ERROR.
 */
export function toolFailure(error: unknown, requestId: string): { result: CallToolResult; code: ErrorCode } {
  const known = toKnownError(error, requestId);
  const structured = { ...errorBody(known.code, known.message, known.errors), ...known.extra };
  return {
    result: {
      content: [
        { type: "text", text: `${known.code}: ${known.message}` },
        { type: "text", text: JSON.stringify(structured) },
      ],
      structuredContent: structured,
      isError: true,
    },
    code: known.code,
  };
}
