// Baselines for HTTP figures, measured with the same client in the same run, so that figures divided
// by them factor out the machine's noise.
// - Without COMMIT_DATABASE_URL: a bare Node server that reads the body and answers 200.
// - With it (a plain node-postgres connection string): each body is inserted as one row and committed
//   before the 200, as a webhook's inbox row is. Its tail is the disk's WAL flush with no Loadbay code.
import { createServer } from "node:http";
import pg from "pg";

const databaseUrl = process.env.COMMIT_DATABASE_URL;
const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 10 }) : null;
const TABLE = "bench_commit_baseline";
if (pool) {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), received_at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)`);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const answer = (status) => {
      res.writeHead(status);
      res.end();
    };
    if (!pool) return answer(200);
    const body = Buffer.concat(chunks).toString("utf8");
    pool.query(`INSERT INTO ${TABLE} (payload) VALUES ($1::jsonb)`, [body || "{}"]).then(
      () => answer(200),
      (error) => {
        process.stderr.write(`commit baseline insert failed: ${error.message}\n`);
        answer(500);
      },
    );
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
