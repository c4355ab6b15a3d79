-- Tasks are keyed by (user_id, id): every read is one user's, and the default list order is
-- this key backwards. A btree on id alone let the planner answer "a user's newest tasks" by
-- walking every user's tasks newest first and filtering: the more others had written since,
-- the slower the page. id stays unique (an identity column); a hash index, which has no order
-- to walk, serves the lookup by id alone.
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_pkey";--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
DROP INDEX "tasks_user_id_id_idx";--> statement-breakpoint
CREATE INDEX "tasks_id_hash_idx" ON "tasks" USING hash ("id");
