import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { TaskApp } from "@/components/tasks/task-app";
import { signInPath } from "@/lib/redirect-target";
import { getSessionUser } from "@/lib/session";

export const metadata: Metadata = { title: "Your tasks" };

// The proxy only saw a session cookie; this checks the session itself.
export default async function TasksPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect(signInPath("/tasks"));
  return <TaskApp user={user} />;
}
