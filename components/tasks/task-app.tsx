"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createTaskApi } from "@/lib/client/task-api";
import { createTokenStore } from "@/lib/client/token-store";
import { signInPath } from "@/lib/redirect-target";
import type { SessionUser } from "@/lib/session";
import { AppHeader } from "./app-header";
import { createTaskQueryClient } from "./query-client";
import { TaskApiContext } from "./task-api-context";
import { TaskBoard } from "./task-board";
import styles from "./tasks.module.css";

/**
 * The task page in the browser. The JWT lives in this component's token store (memory only) and
 * every task call goes through the public API with it, as any other client would.
 */
export function TaskApp({ user }: { user: SessionUser }) {
  const [tokens] = useState(() => createTokenStore());
  const [api] = useState(() => createTaskApi({ userId: user.id, tokens }));
  const [queryClient] = useState(() =>
    createTaskQueryClient(() => {
      tokens.clear();
      window.location.assign(signInPath("/tasks"));
    }),
  );

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
