-- Per-user task counts kept by statement-level triggers, so the list's `count` costs one
-- primary-key lookup however many tasks a user has (a count(*) would read them all).
CREATE FUNCTION "task_counts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_counts AS c (user_id, total, completed)
    SELECT user_id, count(*), count(*) FILTER (WHERE complete) FROM inserted GROUP BY user_id
  ON CONFLICT (user_id) DO UPDATE SET total = c.total + excluded.total, completed = c.completed + excluded.completed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "task_counts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_counts AS c SET total = c.total - d.n, completed = c.completed - d.done
  FROM (SELECT user_id, count(*) AS n, count(*) FILTER (WHERE complete) AS done FROM deleted GROUP BY user_id) AS d
  WHERE c.user_id = d.user_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "task_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_counts AS c SET completed = c.completed + d.delta
  FROM (
    SELECT a.user_id, sum(a.complete::int - b.complete::int) AS delta
    FROM after_rows AS a JOIN before_rows AS b ON a.id = b.id
    GROUP BY a.user_id
  ) AS d
  WHERE c.user_id = d.user_id AND d.delta <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_counts_insert" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER "task_counts_delete" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS deleted
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_after_delete();
--> statement-breakpoint
CREATE TRIGGER "task_counts_update" AFTER UPDATE ON "tasks" REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_counts_after_update();
--> statement-breakpoint
INSERT INTO "task_counts" (user_id, total, completed)
  SELECT user_id, count(*), count(*) FILTER (WHERE complete) FROM "tasks" GROUP BY user_id;
