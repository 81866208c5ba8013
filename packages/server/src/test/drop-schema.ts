import postgres from 'postgres';

/**
 * Drops a PostgreSQL schema and everything in it: a test's, or a benchmark's. A module of its own,
 * free of `node:test`, so that a process that is no test (a benchmark's server) may use it.
 */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
