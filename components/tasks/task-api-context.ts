"use client";

import { createContext, useContext } from "react";
import type { TaskApi } from "@/lib/client/task-api";

export const TaskApiContext = createContext<TaskApi | null>(null);

export function useTaskApi(): TaskApi {
  const api = useContext(TaskApiContext);
  if (!api) throw new Error("useTaskApi must be used inside <TaskApiContext>");
  return api;
}
