import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../support/contract";

const config = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../vercel.json"), "utf8")) as { crons?: { path: string; schedule: string }[] };

describe("vercel.json", () => {
  it("schedules the cleanup once a day (what every Vercel plan allows) on a documented GET operation", () => {
    expect(config.crons).toEqual([{ path: "/api/cron/cleanup", schedule: expect.stringMatching(/^\d{1,2} \d{1,2} \* \* \*$/) }]);
    const [minute, hour] = config.crons![0]!.schedule.split(" ").map(Number) as [number, number];
    expect(minute).toBeLessThan(60);
    expect(hour).toBeLessThan(24);
    const operation = openApiDocument().paths["/api/cron/cleanup"]?.get as { security?: unknown } | undefined;
    expect(operation?.security).toEqual([{ cronSecret: [] }]);
  });
});
