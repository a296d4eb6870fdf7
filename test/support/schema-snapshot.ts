// A comparable description of one PostgreSQL schema, read from the catalogs: columns, constraints,
// indexes and enum types. Schema names are stripped so two schemas can be compared.
import type pg from "pg";

export async function describeSchema(client: pg.Client, schema: string): Promise<string[]> {
  const strip = (s: string) => s.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "");
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length, numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = $1`,
    [schema],
  );
  const constraints = await client.query(
    `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = $1`,
    [schema],
  );
  const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1`, [schema]);
  const enums = await client.query(
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
      WHERE ns.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  return [
    ...columns.rows
      .filter((r) => r.table_name !== "_prisma_migrations")
      .map((r) => `column ${Object.values(r).map((v) => strip(String(v))).join(" | ")}`),
    ...constraints.rows.filter((r) => r.table_name !== "_prisma_migrations").map((r) => `constraint ${r.table_name}.${r.conname} ${r.contype} ${strip(r.def)}`),
    ...indexes.rows.filter((r) => r.tablename !== "_prisma_migrations").map((r) => `index ${r.indexname} ${strip(r.indexdef)}`),
    ...enums.rows.map((r) => `enum ${r.typname} ${r.labels}`),
  ].sort();
}
