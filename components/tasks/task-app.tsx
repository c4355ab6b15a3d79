"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import { createTaskApi } from "@/lib/client/task-api";
import { createTokenStore } from "@/lib/client/token-store";
import { signInPath } from "@/lib/redirect-target";
import type { FirstView } from "@/lib/client/task-view";
import type { SessionUser } from "@/lib/session";
import { AppHeader } from "./app-header";
import { createTaskQueryClient } from "./query-client";
import { TaskApiContext } from "./task-api-context";
import { TaskBoard } from "./task-board";
import { markFirstViewShown, seedFirstView } from "./task-query-cache";
import styles from "./tasks.module.css";

/**
 * The task page in the browser. The JWT lives in this component's token store (memory only) and
 * every task call goes through the public API with it, as any other client would. The first view
 * may come with the page (read by the server for its HTML): the cache starts from it.
 */
export function TaskApp({ user, first }: { user: SessionUser; first?: FirstView }) {
  const [tokens] = useState(() => createTokenStore());
  const [api] = useState(() => createTaskApi({ userId: user.id, tokens }));
  const [endSession] = useState(() => () => {
    tokens.clear();
    window.location.assign(signInPath("/tasks"));
  });
  const [queryClient] = useState(() => {
    const client = createTaskQueryClient(endSession);
    if (first) seedFirstView(client, first);
    return client;
  });
  useEffect(() => {
    if (first) markFirstViewShown(first);
  }, [first]);
  // The first rows may have come with the page: get the token now, so the first change does not
  // wait for it. A session that has ended shows now, as a first read would have shown it.
  useEffect(() => {
    tokens.get().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) endSession();
    });
  }, [tokens, endSession]);

  function forget() {
    tokens.clear();
    queryClient.clear();
  }

  return (
    <QueryClientProvider client={queryClient}>
      <TaskApiContext value={api}>
        <AppHeader user={user} current="/tasks" onSignedOut={forget} />
        <main id="main" className={styles.main}>
          <TaskBoard />
        </main>
      </TaskApiContext>
    </QueryClientProvider>
  );
}
