import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "@/lib/env";
import { checkConfiguration } from "@/lib/startup";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("checkConfiguration – run by instrumentation.ts at server start", () => {
  it("passes when the configuration loads", async () => {
    const exit = vi.fn();
    await checkConfiguration(async () => ({}), exit);
    expect(exit).not.toHaveBeenCalled();
  });

  it("prints one line and exits 1 on a configuration error", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const exit = vi.fn();
    await checkConfiguration(async () => {
      throw new ConfigError("Invalid configuration: PORT must be a number");
    }, exit);
    expect(printed).toHaveBeenCalledExactlyOnceWith("todo-next: Invalid configuration: PORT must be a number");
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it("lets any other failure through", async () => {
    await expect(checkConfiguration(async () => Promise.reject(new TypeError("bug")), vi.fn())).rejects.toThrow("bug");
    await expect(checkConfiguration()).resolves.toBeUndefined();
  });
});
