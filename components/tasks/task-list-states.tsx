import { ApiError, describeError } from "@/lib/client/api-error";
import { MAX_RETRIES } from "@/lib/client/retry-policy";
import styles from "./tasks.module.css";

/** Shown until the first answer; says so while the retries are running. */
export function TaskListLoading({ failureCount }: { failureCount: number }) {
  return (
    <div className={styles.loading} aria-busy="true">
      <p role="status">
        {failureCount === 0
          ? "Loading your tasks…"
          : `The server did not answer. Trying again (${failureCount} of ${MAX_RETRIES})…`}
      </p>
      <ul className={styles.skeletons} aria-hidden="true">
        <li />
        <li />
        <li />
      </ul>
    </div>
  );
}

/** Loading failed after the retries (or at once, for a 4xx): the reason and a way to try again. */
export function TaskListError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  const denied = error instanceof ApiError && error.status === 403;
  return (
    <div className={styles.errorState} role="alert">
      <h3>{denied ? "Access denied" : "Your tasks could not be loaded"}</h3>
      <p>{denied ? "This account may not see these tasks. Try signing out and in again." : describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
