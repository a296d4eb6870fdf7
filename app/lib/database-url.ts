/**
 * Splits `postgresql://…?schema=x` (Prisma's convention) into a plain pg connection string and the
 * schema name, because node-postgres does not understand the `schema` parameter.
 */
export function parseDatabaseUrl(databaseUrl: string): { connectionString: string; schema: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}
