import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/client/api-error";
import { retryDelay, shouldRetry } from "@/lib/client/retry-policy";

/**
 * The task page's cache. Reads and the idempotent writes (PATCH with absolute values, DELETE)
 * follow the retry policy; create opts out where it is declared. A 401 that survived the task
 * client's token refresh, from any query or mutation, ends the session on this page.
 */
export function createTaskQueryClient(onSessionEnded: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 30_000 },
      mutations: { retry: shouldRetry, retryDelay },
    },
  });
}
