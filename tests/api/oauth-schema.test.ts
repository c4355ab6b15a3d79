import { getAuthTables } from "@better-auth/core/db";
import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import * as schema from "@/db/schema";
import { getAuth } from "@/lib/auth";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;
}

const oauthTables = [schema.oauthClient, schema.oauthConsent, schema.oauthRefreshToken, schema.oauthAccessToken];

describe("the OAuth provider's tables", () => {
  it("db/schema.ts has every table and field Better Auth and its plugins expect, required where they require it", () => {
    const problems: string[] = [];
    for (const [key, table] of Object.entries(getAuthTables(getAuth().options))) {
      const drizzleTable = (schema as Record<string, unknown>)[table.modelName] as Record<string, { notNull?: boolean }> | undefined;
      if (!drizzleTable) {
        problems.push(`${key}: no table "${table.modelName}" in db/schema.ts`);
        continue;
      }
      for (const [field, attribute] of Object.entries(table.fields)) {
        const column = drizzleTable[attribute.fieldName ?? field];
        if (!column) problems.push(`${table.modelName}.${field}: no column`);
        else if (attribute.required === true && !column.notNull) problems.push(`${table.modelName}.${field}: required, but the column is nullable`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the migrations create them as db/schema.ts declares: columns, nullability and foreign keys", async () => {
    for (const table of oauthTables as PgTable[]) {
      const config = getTableConfig(table);
      const columns = await rows<{ column_name: string; is_nullable: string }>(
        sql`select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = ${config.name} order by column_name`,
      );
      expect(columns, config.name).toEqual(
        config.columns.map((column) => ({ column_name: column.name, is_nullable: column.notNull ? "NO" : "YES" })).sort((a, b) => a.column_name.localeCompare(b.column_name)),
      );
      const foreignKeys = await rows<{ column_name: string; foreign_table: string; foreign_column: string; delete_rule: string }>(sql`
        select kcu.column_name, ccu.table_name as foreign_table, ccu.column_name as foreign_column, rc.delete_rule
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.constraint_name
        where kcu.table_name = ${config.name} order by kcu.column_name`);
      const declared = config.foreignKeys.map((foreignKey) => {
        const reference = foreignKey.reference();
        return {
          column_name: reference.columns[0]!.name,
          foreign_table: getTableConfig(reference.foreignTable).name,
          foreign_column: reference.foreignColumns[0]!.name,
          delete_rule: (foreignKey.onDelete ?? "no action").toUpperCase(),
        };
      });
      expect(foreignKeys, config.name).toEqual(declared.sort((a, b) => a.column_name.localeCompare(b.column_name)));
    }
  });
});
