/**
 * Validates configuration before the first request: a bad value stops the process with one
 * clear line instead of a stack trace, or a 500 on the first request.
 */
export async function checkConfiguration(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(`todo-next: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
