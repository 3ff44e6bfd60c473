import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type RequestCount } from './app.js';
import { type Config, ConfigError, loadConfig, redactUrl } from './config.js';
import { createLimiters } from './http/rate-limit.js';
import { startIdleCollector } from './idle-memory.js';
import './jobs/all-jobs.js';
import { JobWorker } from './jobs/worker.js';
import { startMailChannel } from './modules/email/channel.js';
import { prepareDatabase } from './startup.js';

/**
 * Starts Loket: configuration, database, migrations, demo data, then — by LOKET_ROLE — the web server, the
 * background worker, or both; stops gracefully.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.logLevel });
  const { database, demoKeysFile, demoStaffFile, firstAdmin } = await prepareDatabase(config, log);
  const requestCount: RequestCount = { started: 0 };
  const worker =
    config.role === 'web'
      ? undefined
      : new JobWorker(
          { db: database.db, dialect: database.dialect, config, log: log.child({ role: 'worker' }) },
          // With the web server in the same process, requests go first (BACKGROUND_SHARE in jobs/worker.ts).
          { foregroundWork: () => requestCount.started },
        );
  worker?.start();
  // The SMTP receiver runs beside the worker, which processes what it stores.
  const mail = worker && (await startMailChannel(database.db, config, log.child({ role: 'mail' })));
  startIdleCollector();
  if (config.role === 'worker') {
    log.info('background worker started (LOKET_ROLE=worker: no web server)');
    stopOnSignals(log, async () => {
      await mail?.stop();
      await worker?.stop();
      await database.close();
    });
    return;
  }
  const limiters = createLimiters(config.rateLimits);
  const app = await buildApp(
    { db: database.db, dialect: database.dialect, config, limiters },
    { requestCount },
  );

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
    // Node closes idle keep-alive connections once, when closing starts; a connection still answering a request
    // then stays open for its keep-alive time after the answer. Close those as they fall idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    await app.close();
    clearInterval(sweep);
    await mail?.stop();
    await worker?.stop();
    await database.close();
    clearTimeout(force);
    app.log.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const listening = await app.listen({ port: config.port, host: config.host });
  const keysFile = demoKeysFile ?? path.join(config.dataDir, 'demo-access-keys.txt');
  const staffFile = demoStaffFile ?? path.join(config.dataDir, 'demo-staff.txt');
  printBanner({
    url: config.publicUrl ?? listening,
    database: redactUrl(config.databaseUrl),
    firstAdmin,
    demoKeysFile: existsSync(keysFile) ? keysFile : undefined,
    demoStaffFile: existsSync(staffFile) ? staffFile : undefined,
    mail: mailBanner(config, mail?.receiver?.port),
  });
}

/** Where citizens' e-mail goes and whether incoming mail is received, for the banner. */
function mailBanner(config: Config, receiverPort: number | undefined): string[] {
  return [
    `  Outgoing e-mail:    ${config.mail.smtpUrl ? redactUrl(config.mail.smtpUrl) : `${config.mail.outboxDir} (LOKET_SMTP_URL unset)`}`,
    `  Incoming e-mail:    ${
      receiverPort !== undefined
        ? `SMTP on ${config.mail.receiver!.host}:${receiverPort}`
        : config.mail.receiver
          ? 'SMTP in the worker process'
          : 'SMTP off (set LOKET_SMTP_PORT)'
    }`,
  ];
}

function stopOnSignals(log: pino.Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing jobs in flight');
    const force = setTimeout(() => {
      log.error('jobs still running after 10 s, exiting');
      process.exit(1);
    }, 10_000).unref();
    await close();
    clearTimeout(force);
    log.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
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
  firstAdmin?: { email: string; generatedPassword?: string };
  demoKeysFile?: string;
  demoStaffFile?: string;
  mail?: string[];
}): void {
  const lines = [
    `  Loket is running at ${info.url}`,
    `  Staff console:      ${info.url}/console`,
    `  API documentation:  ${info.url}/api/docs`,
    `  Database:           ${info.database}`,
    ...(info.mail ?? []),
  ];
  if (info.firstAdmin) {
    lines.push(
      '',
      `  First administrator: ${info.firstAdmin.email}`,
      info.firstAdmin.generatedPassword
        ? `  One-time password:   ${info.firstAdmin.generatedPassword}   (shown only now; change it after signing in)`
        : '  Password:            from LOKET_ADMIN_PASSWORD',
      '  Administrators set up two-step verification (an authenticator app) at their first sign-in.',
    );
  }
  if (info.demoStaffFile) lines.push('', `  Demo staff sign-ins: ${info.demoStaffFile}`);
  if (info.demoKeysFile)
    lines.push(`  Demo cases:          tracking codes and access keys in ${info.demoKeysFile}`);
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error) => {
  process.stderr.write(`Loket failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
