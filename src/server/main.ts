import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, redactUrl } from './config.js';
import { createLimiters } from './http/rate-limit.js';
import { prepareDatabase } from './startup.js';

/** Starts the web server: configuration, database, migrations, demo data, then listen; stops gracefully. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.logLevel });
  const { database, demoKeysFile } = await prepareDatabase(config, log);
  const limiters = createLimiters(config.rateLimits);
  const app = await buildApp({ db: database.db, dialect: database.dialect, config, limiters });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    // Closing stops accepting connections and waits for requests in flight; then the database goes.
    const force = setTimeout(() => {
      app.log.error('requests still running after 10 s, exiting');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    await database.close();
    clearTimeout(force);
    app.log.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const listening = await app.listen({ port: config.port, host: config.host });
  const keysFile = demoKeysFile ?? path.join(config.dataDir, 'demo-access-keys.txt');
  printBanner({
    url: config.publicUrl ?? listening,
    database: redactUrl(config.databaseUrl),
    tokenFile: process.env.LOKET_BOOTSTRAP_TOKEN ? undefined : path.join(config.dataDir, 'bootstrap-token'),
    demoKeysFile: existsSync(keysFile) ? keysFile : undefined,
  });
}

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Loket cannot start: configuration error in ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** A human-readable greeting on stderr, so stdout stays pure JSON logs. */
function printBanner(info: {
  url: string;
  database: string;
  tokenFile?: string;
  demoKeysFile?: string;
}): void {
  const lines = [
    '',
    `  Loket is running at ${info.url}`,
    `  API documentation:  ${info.url}/api/docs`,
    `  Database:           ${info.database}`,
    info.tokenFile
      ? `  Staff API token:    in ${info.tokenFile} (send it as "Authorization: Bearer <token>")`
      : '  Staff API token:    from LOKET_BOOTSTRAP_TOKEN',
    info.demoKeysFile ? `  Demo cases:         tracking codes and access keys in ${info.demoKeysFile}` : '',
    '',
  ];
  process.stderr.write(
    `${lines.filter((l, i) => l !== '' || i === 0 || i === lines.length - 1).join('\n')}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`Loket failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
