-- Task ids are bigint: one identity sequence serves every user and ids are never reused, so
-- int4's 2.1 billion values could run out. The sequence becomes bigint with the column, capped
-- at 2^53 - 1 so that every id stays exact as a JSON number. Changing the type rewrites the table
-- and its indexes under an exclusive lock: on a large table, plan for the downtime.
ALTER TABLE "tasks" ALTER COLUMN "id" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "id" SET MAXVALUE 9007199254740991;