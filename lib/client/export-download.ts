import { ApiError, errorFromResponse } from "@/lib/client/api-error";
import type { TokenStore } from "@/lib/client/token-store";

export type ExportFormat = "json" | "csv";

/**
 * Fetches the user's export from the task API (Bearer token, like any client; one retry with a
 * fresh token after a 401) and returns it as a file to save: its name from Content-Disposition.
 */
export async function fetchExport(userId: string, format: ExportFormat, tokens: TokenStore, doFetch: typeof fetch = fetch): Promise<{ blob: Blob; filename: string }> {
  const url = `/api/${encodeURIComponent(userId)}/tasks/export?format=${format}`;
  const attempt = async (token: string) => {
    try {
      return await doFetch(url, { headers: { authorization: `Bearer ${token}` }, credentials: "omit", cache: "no-store" });
    } catch {
      throw ApiError.network();
    }
  };
  let token = await tokens.get();
  let response = await attempt(token);
  if (response.status === 401) {
    tokens.invalidate(token);
    token = await tokens.get();
    response = await attempt(token);
  }
  if (!response.ok) throw await errorFromResponse(response);
  const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `todo-next-tasks.${format}`;
  return { blob: await response.blob(), filename };
}

/** Hands a file to the browser's downloads, as a link with `download` would. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
