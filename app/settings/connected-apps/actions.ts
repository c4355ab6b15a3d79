"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CONNECTED_APPS_PAGE } from "@/lib/oauth/pages";
import { revokeConnection } from "@/lib/oauth/connections";
import { signInPath } from "@/lib/redirect-target";
import { getSessionUser } from "@/lib/session";

// Disconnect an app: for the signed-in person only (the session decides whose connection goes).
export async function disconnectApp(formData: FormData): Promise<void> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(signInPath(CONNECTED_APPS_PAGE));
  const clientId = formData.get("client_id");
  if (typeof clientId === "string" && clientId.length > 0 && clientId.length <= 256) await revokeConnection(user.id, clientId);
  revalidatePath(CONNECTED_APPS_PAGE);
}
