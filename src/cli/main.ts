import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { writeDemoKeys } from '../server/demo/demo-keys-file.js';
import { isEmpty, seedDemo } from '../server/demo/seed-demo.js';
import { AppError } from '../server/errors.js';
import { createUser, generatePassword } from '../server/modules/accounts/create-user.js';
import { isRole, ROLES, type Role, requiresTwoFactor } from '../server/modules/accounts/roles.js';
import { findUserByEmail } from '../server/modules/accounts/storage.js';
import { resetTwoFactor } from '../server/modules/accounts/two-factor.js';
import { resetPassword, updateUser } from '../server/modules/accounts/update-user.js';
import { findCaseByTrackingCode, listCaseEvents, listMessages } from '../server/modules/cases/storage.js';
import { parseTrackingCode } from '../server/modules/cases/tracking-code.js';
import { findOfficeByCode } from '../server/modules/offices/storage.js';
import { auditVerifyCommand } from './audit.js';
import { IMPORT_USAGE, importPassportsCommand } from './import-passports.js';
import { seedBulkCases } from './seed-bulk.js';

const USAGE = `Usage: loket <command>

  migrate                 bring the database schema up to date
  seed --demo             add the demo office and cases to an empty database
  seed --bulk N           add N synthetic cases to the demo office (for benchmarks)
  case show CODE          print a case with its timeline (staff view)
  user create --email E --name N --role R [--role R2] [--office SBY] [--password-stdin]
                          create a staff account (no --office: national); the password is generated and
                          printed once unless given on standard input
  user reset-password --email E [--password-stdin]
  user reset-2fa --email E
  user disable --email E
  user enable --email E
${IMPORT_USAGE}
  audit verify [--checkpoint FILE] [--json]
                          walk the audit chain and report the first broken link (exit 0 intact, 1 broken);
                          with --checkpoint, also check a saved signed checkpoint against the chain

Configuration comes from the same environment variables as the server (LOKET_DATABASE_URL, …).`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  user: userCommand,
  audit: async ([action, ...args]) => {
    if (action !== 'verify') return usage();
    return withDatabase(async ({ db }, config) => auditVerifyCommand(db, config, args));
  },

  import: async ([kind, ...args]) => {
    if (kind !== 'passports') return usage();
    return withDatabase(async ({ db }, config) => {
      const code = await importPassportsCommand(db, config.secret, args);
      return code === 64 ? usage() : code;
    });
  },

  migrate: async () =>
    withDatabase(async ({ db }) => {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      return 0;
    }),

  seed: async (args) => {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, bulk: { type: 'string' } } });
    if (!values.demo && !values.bulk) return usage();
    return withDatabase(async ({ db }, config) => {
      await migrateToLatest(db);
      if (values.demo) {
        if (!(await isEmpty(db))) {
          console.error('The database already has data; demo data goes only into an empty database.');
          return 1;
        }
        const seeded = await seedDemo(db, config.secret);
        console.log(`Added the demo office and ${seeded.length} cases.`);
        console.log(`Tracking codes and access keys: ${writeDemoKeys(config.dataDir, seeded)}`);
      }
      if (values.bulk) {
        const count = Number(values.bulk);
        if (!Number.isInteger(count) || count < 1) return usage();
        const started = Date.now();
        const sample = await seedBulkCases(db, config.secret, count);
        console.log(`Added ${count} cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        console.log(JSON.stringify(sample));
      }
      return 0;
    });
  },

  case: async ([action, rawCode]) => {
    if (action !== 'show' || !rawCode) return usage();
    const code = parseTrackingCode(rawCode);
    if (!code) {
      console.error(`Not a valid tracking code: ${rawCode}`);
      return 1;
    }
    return withDatabase(async ({ db }) => {
      const found = await findCaseByTrackingCode(db, code);
      if (!found) {
        console.error(`No case ${code}.`);
        return 1;
      }
      const [events, messages] = await Promise.all([
        listCaseEvents(db, found.id),
        listMessages(db, found.id),
      ]);
      const { accessKeyHash: _hidden, ...shown } = found;
      console.log(JSON.stringify({ ...shown, messages, events }, null, 2));
      return 0;
    });
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const CLI_ACTOR = { type: 'system' as const, id: null, name: 'loket CLI' };

async function userCommand([action, ...args]: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      office: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const email = values.email;
  if (!email) return usage();
  const password = values['password-stdin'] ? await readStdin() : undefined;
  return withDatabase(async ({ db }) => {
    await migrateToLatest(db);
    if (action === 'create') {
      const roles = (values.role ?? []).flatMap((r) => r.split(','));
      if (!values.name || roles.length === 0 || !roles.every(isRole)) {
        console.error(`Give --name and at least one --role of: ${ROLES.join(', ')}`);
        return 64;
      }
      let officeId: string | null = null;
      if (values.office) {
        const office = await findOfficeByCode(db, values.office.toUpperCase());
        if (!office) {
          console.error(`No office ${values.office}.`);
          return 1;
        }
        officeId = office.id;
      }
      const { user, generatedPassword } = await createUser(db, CLI_ACTOR, {
        email,
        displayName: values.name,
        roles: roles as Role[],
        officeId,
        password,
      });
      console.log(
        `Created ${user.email} (${user.roles.join(', ')}${values.office ? `, ${values.office}` : ', all offices'}).`,
      );
      if (generatedPassword) console.log(`Password (shown only now): ${generatedPassword}`);
      if (requiresTwoFactor(user.roles))
        console.log('This role sets up two-step verification at the first sign-in.');
      return 0;
    }
    const user = await findUserByEmail(db, email);
    if (!user) {
      console.error(`No account ${email}.`);
      return 1;
    }
    switch (action) {
      case 'reset-password': {
        const next = password ?? generatePassword();
        await resetPassword(db, CLI_ACTOR, user.id, next);
        console.log(
          password ? 'Password changed; all sessions ended.' : `New password (shown only now): ${next}`,
        );
        return 0;
      }
      case 'reset-2fa':
        await resetTwoFactor(db, CLI_ACTOR, user.id);
        console.log(
          'Two-step verification removed; all sessions ended. It is set up again at the next sign-in.',
        );
        return 0;
      case 'disable':
      case 'enable':
        await updateUser(db, CLI_ACTOR, user.id, { disabled: action === 'disable' });
        console.log(action === 'disable' ? 'Account disabled; all sessions ended.' : 'Account enabled.');
        return 0;
      default:
        return usage();
    }
  });
}

async function withDatabase(
  work: (database: ReturnType<typeof openDatabase>, config: ReturnType<typeof loadConfig>) => Promise<number>,
): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

function usage(): number {
  console.error(USAGE);
  return 64;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) return usage();
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error in ${error.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      const fields = error.details.errors?.map((e) => `${e.field}: ${e.code}`).join(', ');
      console.error(`Refused: ${error.code}${fields ? ` (${fields})` : ''}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));
