import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWeight } from './modules/surveys/ikm.js';

/**
 * Configuration comes from environment variables, parsed and validated once at start.
 * A bad value stops the process with a message that names the variable.
 */
export interface RateLimitRule {
  /** Events allowed in one window. */
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  enabled: boolean;
  /** All requests from one client address: generous, because many citizens share one carrier-grade NAT. */
  requests: RateLimitRule;
  /** New cases from one client address. */
  caseCreation: RateLimitRule;
  /** Failed tracking-code lookups from one client address. */
  lookupFailures: RateLimitRule;
  /** Failed lookups against one tracking code, from anywhere. */
  codeFailures: RateLimitRule;
  /** Failed staff sign-ins from one client address (each account also locks itself after repeated failures). */
  loginFailures: RateLimitRule;
  /** Questions to the answer assistant from one client address (API and portal form share it). */
  assistantQuestions: RateLimitRule;
}

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  absoluteMs: number;
}

export type SqliteSynchronous = 'normal' | 'full';

/** What this process does: serve HTTP, run background jobs, or both (the default, fine for one instance). */
export type ProcessRole = 'all' | 'web' | 'worker';
export const PROCESS_ROLES: readonly ProcessRole[] = ['all', 'web', 'worker'];

/** The e-mail channel: how mail leaves (SMTP or the outbox folder) and whether the built-in receiver listens. */
export interface MailSettings {
  /** `smtp://` or `smtps://` URL of the relay; unset writes each message as an `.eml` file to `outboxDir`. */
  smtpUrl?: string;
  /** Sender when an office has no address of its own. */
  from: string;
  outboxDir: string;
  dkim?: { domain: string; selector: string; privateKeyFile: string };
  /** The built-in SMTP receiver; unset means it does not listen. */
  receiver?: { port: number; host: string; maxBytes: number };
  /** How often offices' IMAP mailboxes are read. */
  imapPollMs: number;
}

/** WhatsApp Business Platform (Cloud API); each value may be overridden in the admin console (modules/messaging). */
export interface WhatsAppSettings {
  /** The Meta app's secret: webhooks are signed with it (X-Hub-Signature-256). */
  appSecret?: string;
  /** What Meta must echo when subscribing the webhook (hub.verify_token). */
  verifyToken?: string;
  /** A system user's access token for the Graph API. */
  accessToken?: string;
  phoneNumberId?: string;
  /** The Graph API with its version, e.g. https://graph.facebook.com/v21.0 (tests point it at a local server). */
  apiBaseUrl: string;
  /** The approved template used outside the 24-hour customer service window. */
  templateName: string;
  templateLanguage: string;
  /** The office whose cases WhatsApp messages become; unset: the first office. */
  officeCode?: string;
}

/** Telegram Bot API; each value may be overridden in the admin console (modules/messaging). */
export interface TelegramSettings {
  botToken?: string;
  /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token (setWebhook's secret_token). */
  secretToken?: string;
  apiBaseUrl: string;
  officeCode?: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  /** The address the public reaches Loket at; unset means the listening address. */
  publicUrl?: string;
  secret: string;
  demo: boolean;
  trustProxy: boolean;
  logLevel: string;
  sqliteSynchronous: SqliteSynchronous;
  role: ProcessRole;
  /**
   * The weight of each SKM element in the IKM (PermenPANRB 14/2017): `1/9` by default, `0.111` as the regulation's
   * text rounds it (LOKET_IKM_WEIGHT). Optional so hand-made test configs need not name it.
   */
  ikmWeight?: string;
  rateLimits: RateLimits;
  sessions: SessionSettings;
  mail: MailSettings;
  whatsapp: WhatsAppSettings;
  telegram: TelegramSettings;
  /**
   * Outbound calls to URLs administrators set (publication webhooks, messaging API base URLs) may go to private,
   * loopback and link-local addresses (LOKET_OUTBOUND_ALLOW_PRIVATE). Off by default: such a URL would let an
   * administrator's account reach the database or a metadata service from Loket's network. Tests turn it on to
   * deliver to local receivers.
   */
  outboundAllowPrivate: boolean;
  /** The first administrator, created on first start when no account exists. */
  adminEmail?: string;
  adminPassword?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses and validates the environment. Pure: generates nothing, touches no file. */
export function parseConfig(
  env: Env,
  cwd = process.cwd(),
): Omit<Config, 'secret' | 'bootstrapToken'> & {
  secret?: string;
  bootstrapToken?: string;
} {
  const dataDir = path.resolve(cwd, env.LOKET_DATA_DIR || './data');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = url(env, 'LOKET_PUBLIC_URL');
  return {
    port,
    host,
    databaseUrl: databaseUrl(env, cwd),
    dataDir,
    publicUrl,
    secret: secret(env, 'LOKET_SECRET'),
    demo: flag(env, 'LOKET_DEMO', true),
    trustProxy: flag(env, 'LOKET_TRUST_PROXY', false),
    outboundAllowPrivate: flag(env, 'LOKET_OUTBOUND_ALLOW_PRIVATE', false),
    logLevel: oneOf(env, 'LOKET_LOG_LEVEL', LOG_LEVELS, 'info'),
    sqliteSynchronous: oneOf(env, 'LOKET_SQLITE_SYNCHRONOUS', ['normal', 'full'] as const, 'normal'),
    role: oneOf(env, 'LOKET_ROLE', PROCESS_ROLES, 'all'),
    ikmWeight: ikmWeight(env),
    rateLimits: {
      enabled: oneOf(env, 'LOKET_RATE_LIMITS', ['on', 'off'] as const, 'on') === 'on',
      requests: rule(env, 'LOKET_RATE_LIMIT_REQUESTS', '3000/1m'),
      caseCreation: rule(env, 'LOKET_RATE_LIMIT_CASE_CREATION', '60/10m'),
      lookupFailures: rule(env, 'LOKET_RATE_LIMIT_LOOKUP_FAILURES', '30/10m'),
      codeFailures: rule(env, 'LOKET_RATE_LIMIT_CODE_FAILURES', '10/1h'),
      loginFailures: rule(env, 'LOKET_RATE_LIMIT_LOGIN_FAILURES', '30/15m'),
      assistantQuestions: rule(env, 'LOKET_RATE_LIMIT_ASSISTANT', '30/1m'),
    },
    sessions: {
      idleMs: integer(env, 'LOKET_SESSION_IDLE_MINUTES', 120, 5, 24 * 60) * 60_000,
      absoluteMs: integer(env, 'LOKET_SESSION_MAX_HOURS', 12, 1, 24 * 30) * 3_600_000,
    },
    mail: mailSettings(env, dataDir, cwd),
    whatsapp: whatsappSettings(env),
    telegram: telegramSettings(env),
    adminEmail: email(env, 'LOKET_ADMIN_EMAIL'),
    adminPassword: env.LOKET_ADMIN_PASSWORD || undefined,
  };
}

/**
 * Loads the configuration and fills in secrets that were not given: each is generated once and kept in the data
 * directory (mode 0600), so restarts keep sessions and access-key hashes valid.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const parsed = parseConfig(env, cwd);
  return {
    ...parsed,
    secret: parsed.secret ?? storedSecret(parsed.dataDir, 'secret'),
  };
}

function storedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created the file first; then theirs wins.
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function ikmWeight(env: Env): string {
  const value = env.LOKET_IKM_WEIGHT || '1/9';
  if (!parseWeight(value))
    throw new ConfigError('LOKET_IKM_WEIGHT', 'must be a fraction like 1/9 or a decimal like 0.111');
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected 1 or 0, got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
}

function email(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw))
    throw new ConfigError(name, `expected an e-mail address, got "${raw}"`);
  return raw.trim().toLowerCase();
}

function secret(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters long');
  return raw;
}

function databaseUrl(env: Env, cwd: string): string {
  const raw = env.LOKET_DATABASE_URL || 'sqlite:./data/loket.db';
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length);
    if (file === '')
      throw new ConfigError('LOKET_DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:./data/loket.db');
    return file === ':memory:' ? raw : `sqlite:${path.resolve(cwd, file)}`;
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
      return raw;
    } catch {
      throw new ConfigError('LOKET_DATABASE_URL', 'is not a valid postgres:// URL');
    }
  }
  throw new ConfigError(
    'LOKET_DATABASE_URL',
    `expected sqlite:PATH or postgres://…, got "${redactUrl(raw)}"`,
  );
}

function mailSettings(env: Env, dataDir: string, cwd: string): MailSettings {
  const raw = env.LOKET_SMTP_URL;
  let smtpUrl: string | undefined;
  if (raw) {
    let protocol = '';
    try {
      protocol = new URL(raw).protocol;
    } catch {}
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      throw new ConfigError('LOKET_SMTP_URL', `expected smtp://… or smtps://…, got "${redactUrl(raw)}"`);
    }
    smtpUrl = raw;
  }
  const dkimNames = ['LOKET_DKIM_DOMAIN', 'LOKET_DKIM_SELECTOR', 'LOKET_DKIM_PRIVATE_KEY_FILE'] as const;
  const given = dkimNames.filter((name) => env[name]);
  if (given.length > 0 && given.length < dkimNames.length) {
    const missing = dkimNames.find((name) => !env[name])!;
    throw new ConfigError(
      missing,
      'DKIM signing needs LOKET_DKIM_DOMAIN, LOKET_DKIM_SELECTOR and LOKET_DKIM_PRIVATE_KEY_FILE',
    );
  }
  const receiverPort = env.LOKET_SMTP_PORT ? integer(env, 'LOKET_SMTP_PORT', 0, 0, 65535) : undefined;
  return {
    smtpUrl,
    from: email(env, 'LOKET_MAIL_FROM') ?? 'loket@localhost',
    outboxDir: path.join(dataDir, 'mail-outbox'),
    dkim:
      given.length === dkimNames.length
        ? {
            domain: env.LOKET_DKIM_DOMAIN!.toLowerCase(),
            selector: env.LOKET_DKIM_SELECTOR!,
            privateKeyFile: path.resolve(cwd, env.LOKET_DKIM_PRIVATE_KEY_FILE!),
          }
        : undefined,
    receiver:
      receiverPort === undefined
        ? undefined
        : {
            port: receiverPort,
            host: env.LOKET_SMTP_HOST || '127.0.0.1',
            maxBytes: integer(env, 'LOKET_SMTP_MAX_MB', 30, 1, 200) * 1024 * 1024,
          },
    imapPollMs: integer(env, 'LOKET_IMAP_POLL_SECONDS', 60, 60, 3600) * 1000,
  };
}

function whatsappSettings(env: Env): WhatsAppSettings {
  return {
    appSecret: token(env, 'LOKET_WHATSAPP_APP_SECRET', /^[A-Za-z0-9]{16,128}$/),
    verifyToken: token(env, 'LOKET_WHATSAPP_VERIFY_TOKEN', /^[\x21-\x7e]{8,200}$/),
    accessToken: token(env, 'LOKET_WHATSAPP_ACCESS_TOKEN', /^[A-Za-z0-9_-]{20,1000}$/),
    phoneNumberId: token(env, 'LOKET_WHATSAPP_PHONE_NUMBER_ID', /^\d{5,30}$/),
    apiBaseUrl: url(env, 'LOKET_WHATSAPP_API_BASE_URL') ?? 'https://graph.facebook.com/v21.0',
    templateName: token(env, 'LOKET_WHATSAPP_TEMPLATE_NAME', /^[a-z0-9_]{1,512}$/) ?? 'loket_balasan',
    templateLanguage: token(env, 'LOKET_WHATSAPP_TEMPLATE_LANGUAGE', /^[a-z]{2,3}(_[A-Z]{2})?$/) ?? 'id',
    officeCode: token(env, 'LOKET_WHATSAPP_OFFICE', /^[A-Z]{2,5}$/),
  };
}

function telegramSettings(env: Env): TelegramSettings {
  return {
    botToken: token(env, 'LOKET_TELEGRAM_BOT_TOKEN', /^\d{5,20}:[A-Za-z0-9_-]{30,60}$/),
    // Telegram allows 1–256 characters A-Z, a-z, 0-9, _ and -.
    secretToken: token(env, 'LOKET_TELEGRAM_SECRET_TOKEN', /^[A-Za-z0-9_-]{16,256}$/),
    apiBaseUrl: url(env, 'LOKET_TELEGRAM_API_BASE_URL') ?? 'https://api.telegram.org',
    officeCode: token(env, 'LOKET_TELEGRAM_OFFICE', /^[A-Z]{2,5}$/),
  };
}

/** An optional token that must match its documented shape; the message never repeats the value (it may be secret). */
function token(env: Env, name: string, shape: RegExp): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!shape.test(raw)) throw new ConfigError(name, `does not have the expected form (${shape.source})`);
  return raw;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "60/10m" → 60 events per 10 minutes. */
function rule(env: Env, name: string, fallback: string): RateLimitRule {
  const raw = env[name] || fallback;
  const match = /^(\d+)\/(\d*)([smh])$/.exec(raw);
  // A zero limit or window would silently switch the limit off.
  if (!match || Number(match[1]) < 1 || /^0+$/.test(match[2]!)) {
    throw new ConfigError(name, `expected LIMIT/WINDOW such as 60/10m (units s, m, h), got "${raw}"`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2] || 1) * UNITS[match[3]!]! };
}

/** Hides the password of a database URL before it is printed or logged. */
export function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (!parsed.password) return value;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: mask everything between the scheme and the last @ before the host.
    return value.replace(/\/\/[^/]*@/, '//***@');
  }
}
