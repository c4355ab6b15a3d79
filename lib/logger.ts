import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

// JSON lines on stdout, written synchronously (pino's default destination): one line per API
// request, plus start-up notes. `LOG_LEVEL=silent` turns it off (the test suite does).
export const logger = pino({
  level: env.logLevel,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
