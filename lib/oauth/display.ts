import { TASK_SCOPES } from "@/lib/mcp/settings";

const NAME_MAX = 80;

// Control, zero-width and direction-changing characters: a name could hide or reorder text with them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A client's name as it registered it: untrusted, so cleaned, shortened, and never empty. */
export function clientDisplayName(name: string | null | undefined): string {
  const clean = (name ?? "").replace(INVISIBLE, "").trim();
  if (!clean) return "An unnamed app";
  return clean.length > NAME_MAX ? `${clean.slice(0, NAME_MAX - 1)}…` : clean;
}

/** What a set of scopes lets an app do, in the words of the consent page. */
export function accessSummary(scopes: readonly string[]): string {
  return scopes.includes(TASK_SCOPES.write) ? "read and change your tasks" : "read your tasks";
}

/** The host a URL points at, to show where an answer goes (empty when it is not a URL). */
export function hostOf(url: string | null | undefined): string {
  try {
    return url ? new URL(url).host : "";
  } catch {
    return "";
  }
}
