// `npm run db:migrate`: applies pending migrations to whichever database is configured.
// Run with `--conditions react-server` so the server-only modules it imports load outside Next.
// Everything is imported inside main(), so a configuration error is printed as one line.
const KNOWN_ERRORS = new Set(["ConfigError", "DataDirLockedError"]);

async function main() {
  const { migrateDatabase } = await import("@/db/migrate");
  const { closeDatabase, getConnection } = await import("@/db/index");
  await migrateDatabase();
  console.log(`Database migrated (${getConnection().driver}).`);
  await closeDatabase();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`todo-next: ${error instanceof Error && KNOWN_ERRORS.has(error.name) ? message : `migration failed: ${message}`}`);
  process.exit(1);
});
