import "server-only";
import { bufferedRequest } from "@/lib/api/request-body";
import { assertTrustedHostAndOrigin } from "@/lib/api/origin";
import { requestIdOf } from "@/lib/api/request-id";
import { logger } from "@/lib/logger";
import { authenticateMcp } from "@/lib/mcp/authenticate";
import { toAuthInfo, type McpCall } from "@/lib/mcp/call";
import { mcpErrorResponse } from "@/lib/mcp/error-response";

const RPC_METHOD = /^[A-Za-z0-9_/.-]{1,64}$/;

/** The JSON-RPC method of a body, for the log line (the MCP server does the real parsing). */
function rpcMethodOf(body: string): string | undefined {
  try {
    const message: unknown = JSON.parse(body);
    const method = (message as { method?: unknown } | null)?.method;
    return typeof method === "string" && RPC_METHOD.test(method) ? method : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `done` once the response has been sent in full (or abandoned): a streamed tool call ends late. */
function whenSent(response: Response, done: () => void): Response {
  if (!response.body) {
    done();
    return response;
  }
  const reader = response.body.getReader();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          controller.close();
          finish();
        } else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
        finish();
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The MCP endpoint's HTTP edge, around the MCP server (`serve`): Host and Origin checks (DNS
 * rebinding), the Bearer token, the body size cap, then one JSON log line per request with the
 * JSON-RPC method and, for a tool call, the tool and its error code. The token's user rides to
 * the tools with the request (lib/mcp/call.ts); nothing else names a user.
 */
export function mcpRoute(serve: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    let call: McpCall | undefined;
    let rpcMethod: string | undefined;
    let response: Response;
    let errorCode: string | undefined;
    try {
      assertTrustedHostAndOrigin(request);
      call = { requestId, principal: await authenticateMcp(request) };
      const post = request.method === "POST";
      const forwarded = post ? await bufferedRequest(request) : request;
      if (post) rpcMethod = rpcMethodOf(await forwarded.clone().text());
      forwarded.auth = toAuthInfo(call);
      response = await serve(forwarded);
    } catch (error) {
      ({ response, code: errorCode } = mcpErrorResponse(error, requestId));
    }
    response.headers.set("X-Request-Id", requestId);
    return whenSent(response, () => {
      const code = errorCode ?? call?.errorCode;
      logger.info({
        request_id: requestId,
        method: request.method,
        route: "/api/mcp",
        status: response.status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
        ...(call ? { user_id: call.principal.userId, client_id: call.principal.clientId } : {}),
        ...(rpcMethod ? { rpc_method: rpcMethod } : {}),
        ...(call?.tool ? { tool: call.tool } : {}),
        ...(code ? { error_code: code } : {}),
      });
    });
  };
}
