// Plain SQL on node-postgres for the few hot paths where Prisma's per-call cost dominates: with the
// driver adapter, Prisma compiles every call in its WebAssembly query compiler, which costs several
// times the statement itself (decision 0016). Same database and schema as Prisma; named statements
// are prepared once per connection.
import pg from "pg";
import { parseDatabaseUrl } from "./database-url";

export interface Sql {
  /** Runs a named (prepared) statement; returns the rows and how many rows it touched. */
  run<R extends object = Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<{ rows: R[]; count: number }>;
  close(): Promise<void>;
}

export function createSql(databaseUrl: string, options: { poolSize?: number } = {}): Sql {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 5, options: `-c search_path="${schema}"` });
  return {
    async run<R extends object>(name: string, text: string, values: unknown[]) {
      const result = await pool.query<R>({ name, text, values });
      return { rows: result.rows, count: result.rowCount ?? 0 };
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL's SQLSTATE for a foreign-key violation. */
export const FOREIGN_KEY_VIOLATION = "23503";

export const sqlState = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;
