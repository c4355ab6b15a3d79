import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { TaskApp } from "@/components/tasks/task-app";
import { viewFromSearch } from "@/lib/client/task-view";
import { readFirstView } from "@/lib/tasks/first-view";
import { signInPath } from "@/lib/redirect-target";
import { getSessionUser } from "@/lib/session";

export const metadata: Metadata = { title: "Your tasks" };

// The proxy only saw a session cookie; this checks the session itself. The view in the URL is
// read here too, so its first rows are in the HTML.
export default async function TasksPage({ searchParams }: PageProps<"/tasks">) {
  const user = await getSessionUser(await headers());
  if (!user) redirect(signInPath("/tasks"));
  const params = await searchParams;
  // A repeated parameter counts once, its first value, as in the browser's URLSearchParams.get.
  const view = viewFromSearch({ get: (name) => [params[name]].flat()[0] ?? null });
  const first = await readFirstView(user.id, view);
  return <TaskApp user={user} first={first} />;
}
