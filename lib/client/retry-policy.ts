import { isRetryable } from "@/lib/client/api-error";

/**
 * Reads and idempotent writes are retried after a network failure or a 5xx: three retries, 1 s,
 * 2 s and 4 s apart. A create (POST) is never retried: a lost response would make duplicates.
 * Shaped for TanStack Query's `retry` and `retryDelay`, whose count starts at 0.
 */
export const MAX_RETRIES = 3;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error);
}

export function retryDelay(failureCount: number): number {
  return 1000 * 2 ** failureCount;
}
