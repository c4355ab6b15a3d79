-- Tasks are keyed by (user_id, id): every read is one user's, and the default list order is
-- this key backwards. A btree on id alone let the planner answer "a user's newest tasks" by
-- walking every user's tasks newest first and filtering: the more others had written since,
-- the slower the page. id stays unique through an exclusion constraint on a hash index, which
-- has no order to walk and serves the lookup by id alone. (Not in db/schema.ts: Drizzle cannot
-- declare it.) Rebuilding the key locks the table while it runs: on a large table, build the
-- indexes CONCURRENTLY first.
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_pkey";--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_id_unique" EXCLUDE USING hash ("id" WITH =);--> statement-breakpoint
DROP INDEX "tasks_user_id_id_idx";
