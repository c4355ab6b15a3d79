-- The list's search (`q`: ILIKE '%…%' on title or description) reads trigram indexes instead of
-- every task of the user. pg_trgm ships with PostgreSQL (a trusted extension: the database owner
-- may create it), with Neon, and with PGlite (loaded by db/drivers/pglite.ts). Hand-added: drizzle
-- cannot declare an extension. Building the indexes locks writes to the table while they build:
-- on a large table, build them CONCURRENTLY by hand first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "tasks_title_trgm_idx" ON "tasks" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tasks_description_trgm_idx" ON "tasks" USING gin ("description" gin_trgm_ops);