import "server-only";
import { createAuthMiddleware } from "better-auth/api";

/** What Better Auth hands a hook: the endpoint's path, body, headers and its own context. */
export type AuthHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** A before or after hook; a value it returns (e.g. `{ context }`) is passed on to Better Auth. */
export type AuthHook = (ctx: AuthHookContext) => Promise<unknown>;

export interface AuthHooks {
  before?: AuthHook;
  after?: AuthHook;
}

/**
 * Better Auth takes one before and one after hook: these run each concern's in turn, and the first
 * that returns something has its answer passed on.
 */
export function combineHooks(...hooks: AuthHooks[]) {
  const run = (stage: keyof AuthHooks) =>
    createAuthMiddleware(async (ctx) => {
      for (const hook of hooks) {
        const result = await hook[stage]?.(ctx);
        if (result !== undefined) return result;
      }
      return undefined;
    });
  return { before: run("before"), after: run("after") };
}
