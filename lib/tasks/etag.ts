/**
 * Strong entity tags. A task's tag (lib/tasks/task-etag.ts) names its id and the millisecond of
 * its `updated_at`: a version any client holding the task already has. A list's tag is a digest
 * of the exact body, so any change to the page, its count or cursor changes it.
 */
import { createHash } from "node:crypto";

/** The tag of a response body, from its exact text. */
export function textEtag(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

/** The entity tags of an If-Match / If-None-Match header: "*", or the listed tags. */
export function parseEntityTags(header: string): "*" | { tag: string; weak: boolean }[] {
  if (header.trim() === "*") return "*";
  const tags: { tag: string; weak: boolean }[] = [];
  for (const match of header.matchAll(/(W\/)?("[^"]*")/g)) tags.push({ tag: match[2]!, weak: Boolean(match[1]) });
  return tags;
}

/** The versions (updated_at in ms) of task `id` that an If-Match header allows (strong comparison: weak tags never match). */
export function versionsMatching(header: string, id: number): "*" | number[] {
  const tags = parseEntityTags(header);
  if (tags === "*") return "*";
  const prefix = `"${id}.`;
  return tags
    .filter(({ tag, weak }) => !weak && tag.startsWith(prefix) && /^"\d+\.\d{1,15}"$/.test(tag))
    .map(({ tag }) => Number(tag.slice(prefix.length, -1)));
}

/** If-None-Match (weak comparison): does any listed tag, or "*", match the current tag? */
export function noneMatchHits(header: string, current: string): boolean {
  const tags = parseEntityTags(header);
  return tags === "*" || tags.some(({ tag }) => tag === current);
}
