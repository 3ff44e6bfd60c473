/** Which database engine this test run uses; see vitest.config.ts. */
export const TEST_SERVER_URL = process.env.LOKET_TEST_DATABASE_URL ?? '';
export const ENGINE: 'sqlite' | 'postgres' = TEST_SERVER_URL.startsWith('postgres') ? 'postgres' : 'sqlite';

/** The same server URL with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
