/**
 * Validates configuration before the first request: a bad value stops the process with one
 * clear line instead of a stack trace, or a 500 on the first request.
 */
export async function checkConfiguration(
  load: () => Promise<unknown> = () => import("@/lib/env"),
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (!(error instanceof Error && error.name === "ConfigError")) throw error;
    console.error(`todo-next: ${error.message}`);
    exit(1);
  }
}
