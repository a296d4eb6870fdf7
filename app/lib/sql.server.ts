// Plain SQL on node-postgres for the hot paths where Prisma's per-call cost dominates: with the
// driver adapter, Prisma compiles every call in its WebAssembly query compiler, which costs several
// times the statement itself (decision 0016). Same database and schema as Prisma; named statements
// are prepared once per connection. Prisma's DateTime columns are `timestamp` holding UTC, so they
// are read as UTC here too (node-postgres would otherwise read them in the process's time zone).
import pg from "pg";
import { parseDatabaseUrl } from "./database-url";

export interface SqlRunner {
  /** Runs a named (prepared) statement; returns the rows and how many rows it touched. */
  run<R extends object = Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<{ rows: R[]; count: number }>;
}

export interface Sql extends SqlRunner {
  /** BEGIN … COMMIT on one connection; ROLLBACK when `work` throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const utc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const utcArray = (text: string) => (text === "{}" ? [] : text.slice(1, -1).split(",").map((s) => utc(s.replace(/"/g, ""))));

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? utc : oid === TIMESTAMP_ARRAY ? utcArray : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async run<R extends object>(name: string, text: string, values: unknown[]) {
      const result = await client.query<R>({ name, text, values });
      return { rows: result.rows, count: result.rowCount ?? 0 };
    },
  };
}

export function createSql(databaseUrl: string, options: { poolSize?: number } = {}): Sql {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  // Idle connections are kept for minutes, not node-postgres's default 10 s: opening one (a PostgreSQL
  // backend) costs more than a whole acknowledgement, and traffic comes in bursts.
  // Every execution is planned for its own values (decision 0026). A long-lived connection otherwise
  // keeps the generic plan PostgreSQL made on its sixth run, while the tables were small; without fresh
  // statistics (no ANALYZE since) that plan can read a shop's whole index range to find one row, and
  // does so more slowly as the shop's orders grow.
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 300_000,
    options: `-c search_path="${schema}" -c plan_cache_mode=force_custom_plan`,
    types,
  });
  return {
    ...runner(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(runner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL's SQLSTATE for a foreign-key violation. */
export const FOREIGN_KEY_VIOLATION = "23503";

export const sqlState = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;

/** The current time as Prisma stores DateTime: a UTC `timestamp(3)`. */
export const NOW_UTC = "(now() AT TIME ZONE 'UTC')";
