import { describe, expect, it } from "vitest";
import { shortcutFor, takesText, type KeyPress } from "@/lib/client/shortcuts";

const shortcuts = { n: "new-title", "/": "task-search" };
const press = (key: string, changes: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  defaultPrevented: false,
  ...changes,
});
const body = { tagName: "BODY" };

describe("single-key shortcuts", () => {
  it("n and / name their targets when nothing is being typed", () => {
    expect(shortcutFor(press("n"), body, shortcuts)).toBe("new-title");
    expect(shortcutFor(press("/"), null, shortcuts)).toBe("task-search");
    expect(shortcutFor(press("/"), { tagName: "BUTTON" }, shortcuts)).toBe("task-search");
    expect(shortcutFor(press("n"), { tagName: "INPUT", type: "checkbox" }, shortcuts)).toBe("new-title");
  });

  it("other keys, and keys the browser or the system own, are not shortcuts", () => {
    expect(shortcutFor(press("N"), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("x"), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("toString"), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("n", { ctrlKey: true }), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("n", { metaKey: true }), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("/", { altKey: true }), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("n", { isComposing: true }), body, shortcuts)).toBeUndefined();
    expect(shortcutFor(press("/", { defaultPrevented: true }), body, shortcuts)).toBeUndefined();
  });

  it("keys typed into a field stay in the field", () => {
    for (const focused of [
      { tagName: "INPUT" },
      { tagName: "input", type: "search" },
      { tagName: "INPUT", type: "email" },
      { tagName: "TEXTAREA" },
      { tagName: "SELECT" },
      { tagName: "DIV", isContentEditable: true },
    ]) {
      expect(takesText(focused), JSON.stringify(focused)).toBe(true);
      expect(shortcutFor(press("n"), focused, shortcuts)).toBeUndefined();
    }
    expect(takesText(null)).toBe(false);
    expect(takesText({ tagName: "INPUT", type: "radio" })).toBe(false);
  });
});
