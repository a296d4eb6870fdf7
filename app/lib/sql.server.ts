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

async function query<R extends object>(client: pg.PoolClient, name: string, text: string, values: unknown[]) {
  const result = await client.query<R>({ name, text, values });
  return { rows: result.rows, count: result.rowCount ?? 0 };
}

/**
 * Statements a pooled connection runs between two re-plannings (decision 0026). PostgreSQL keeps the
 * generic plan it made on a prepared statement's sixth run for the life of the connection. Made while
 * a table was small, that plan can read a shop's whole index range to find one row, and without fresh
 * statistics (autovacuum's ANALYZE) nothing replaces it. `DISCARD PLANS` drops the plans and keeps the
 * statements, so the next runs plan again against the tables as they are now.
 */
const REPLAN_EVERY = 1_000;
const uses = new WeakMap<pg.PoolClient, number>();

async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  const used = (uses.get(client) ?? 0) + 1;
  uses.set(client, used);
  if (used % REPLAN_EVERY === 0) {
    try {
      await client.query("DISCARD PLANS");
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }
  return client;
}

export function createSql(databaseUrl: string, options: { poolSize?: number } = {}): Sql {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  // Idle connections are kept for minutes, not node-postgres's default 10 s: opening one (a PostgreSQL
  // backend) costs more than a whole acknowledgement, and traffic comes in bursts.
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, idleTimeoutMillis: 300_000, options: `-c search_path="${schema}"`, types });
  return {
    async run(name, text, values) {
      const client = await checkout(pool);
      try {
        return await query(client, name, text, values);
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await checkout(pool);
      try {
        await client.query("BEGIN");
        const result = await work({ run: (name, text, values) => query(client, name, text, values) });
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
