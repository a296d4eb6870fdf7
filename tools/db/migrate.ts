// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
import { migrate } from "./migrator";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (see .env.example)");
  process.exit(2);
}
const result = await migrate(url);
console.log(
  `migrations: ${result.applied.length} applied${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied.length} already in place`,
);
