import type { Selectable } from 'kysely';
import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toBool, toIsoOrNull } from '../../db/dialect.js';
import { runPrepared } from '../../db/prepared.js';
import type { EmailMessageTable, EmailTemplateTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { en as defaultsEn } from './templates/en.js';
import { id as defaultsId } from './templates/id.js';
import type { EmailCatalogue, TemplateId, TemplateText } from './templates/types.js';

export const CATALOGUES: Record<Language, EmailCatalogue> = { id: defaultsId, en: defaultsEn };

export interface OfficeMailSettings {
  officeId: string;
  address: string | null;
  imap: {
    enabled: boolean;
    host: string | null;
    port: number | null;
    tls: boolean;
    user: string | null;
    passwordSealed: string | null;
    mailbox: string;
    processedMailbox: string | null;
    lastPolledAt: string | null;
    lastError: string | null;
  };
}

export async function findMailSettings(db: Db, officeId: string): Promise<OfficeMailSettings | undefined> {
  // Every notification reads it: compiled once (db/prepared.ts), like the job's other reads below.
  const [row] = await runPrepared<Parameters<typeof toSettings>[0]>(
    db,
    'email-find-mail-settings',
    () => db.selectFrom('office_mail_settings').selectAll().where('office_id', '=', ''),
    [officeId],
  );
  return row && toSettings(row);
}

/** The office whose configured address this is (case-insensitive), if any. */
export async function findOfficeByMailAddress(
  db: Db,
  address: string,
): Promise<{ officeId: string; address: string } | undefined> {
  const row = await db
    .selectFrom('office_mail_settings')
    .select(['office_id', 'address'])
    .where('address', '=', address.trim().toLowerCase())
    .executeTakeFirst();
  return row?.address ? { officeId: row.office_id, address: row.address } : undefined;
}

export async function listImapMailboxes(db: Db): Promise<OfficeMailSettings[]> {
  const rows = await db
    .selectFrom('office_mail_settings')
    .selectAll()
    .where('imap_enabled', '=', true)
    .execute();
  return rows.map(toSettings);
}

export type MailSettingsChanges = Partial<{
  address: string | null;
  imap_enabled: boolean;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: boolean;
  imap_user: string | null;
  imap_password_sealed: string | null;
  imap_mailbox: string;
  imap_processed_mailbox: string | null;
  imap_last_polled_at: string | null;
  imap_last_error: string | null;
}>;

/** Creates the office's row on first use, then applies the changes. */
export async function saveMailSettings(
  db: Db,
  officeId: string,
  changes: MailSettingsChanges,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('office_mail_settings')
    .values({
      office_id: officeId,
      address: null,
      imap_enabled: false,
      imap_host: null,
      imap_port: null,
      imap_tls: true,
      imap_user: null,
      imap_password_sealed: null,
      imap_mailbox: 'INBOX',
      imap_processed_mailbox: null,
      imap_last_polled_at: null,
      imap_last_error: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('office_id').doNothing())
    .execute();
  await db
    .updateTable('office_mail_settings')
    .set({ ...changes, updated_at: at })
    .where('office_id', '=', officeId)
    .execute();
}

function toSettings(row: {
  office_id: string;
  address: string | null;
  imap_enabled: boolean | number;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: boolean | number;
  imap_user: string | null;
  imap_password_sealed: string | null;
  imap_mailbox: string;
  imap_processed_mailbox: string | null;
  imap_last_polled_at: Date | string | null;
  imap_last_error: string | null;
}): OfficeMailSettings {
  return {
    officeId: row.office_id,
    address: row.address,
    imap: {
      enabled: toBool(row.imap_enabled),
      host: row.imap_host,
      port: row.imap_port,
      tls: toBool(row.imap_tls),
      user: row.imap_user,
      passwordSealed: row.imap_password_sealed,
      mailbox: row.imap_mailbox,
      processedMailbox: row.imap_processed_mailbox,
      lastPolledAt: toIsoOrNull(row.imap_last_polled_at),
      lastError: row.imap_last_error,
    },
  };
}

// ------------------------------------------------------------------ templates

export interface EffectiveTemplate extends TemplateText {
  template: TemplateId;
  language: Language;
  /** False while the office uses the catalogue's default text. */
  customised: boolean;
  updatedAt: string | null;
}

/**
 * The office's template, or the catalogue's default when the office has not changed it. Defaults live in code
 * (templates/{id,en}.ts) rather than copied into every office's rows, so improved defaults reach every office
 * that kept them; "reset to default" deletes the office's row.
 */
export async function effectiveTemplate(
  db: Db,
  officeId: string,
  template: TemplateId,
  language: Language,
): Promise<EffectiveTemplate> {
  const [row] = await runPrepared<Selectable<EmailTemplateTable>>(
    db,
    'email-find-template',
    () =>
      db
        .selectFrom('email_templates')
        .selectAll()
        .where('office_id', '=', '')
        .where('template', '=', '')
        .where('language', '=', 'id'),
    [officeId, template, language],
  );
  if (!row)
    return {
      ...CATALOGUES[language].templates[template],
      template,
      language,
      customised: false,
      updatedAt: null,
    };
  return {
    template,
    language,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    customised: true,
    updatedAt: toIsoOrNull(row.updated_at),
  };
}

export async function saveTemplate(
  db: Db,
  input: { officeId: string; template: TemplateId; language: Language; userId: string | null } & TemplateText,
  now = new Date(),
): Promise<void> {
  const values = {
    subject: input.subject,
    text_body: input.text,
    html_body: input.html,
    updated_at: now.toISOString(),
    updated_by: input.userId,
  };
  await db
    .insertInto('email_templates')
    .values({ office_id: input.officeId, template: input.template, language: input.language, ...values })
    .onConflict((oc) => oc.columns(['office_id', 'template', 'language']).doUpdateSet(values))
    .execute();
}

export async function deleteTemplate(
  db: Db,
  officeId: string,
  template: TemplateId,
  language: Language,
): Promise<boolean> {
  const result = await db
    .deleteFrom('email_templates')
    .where('office_id', '=', officeId)
    .where('template', '=', template)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ------------------------------------------------------------------ messages

export type EmailRecord = Omit<EmailMessageTable, 'id' | 'created_at' | 'processed_at'>;

export async function insertEmailMessage(db: Db, record: EmailRecord, now = new Date()): Promise<string> {
  const id = newId(now.getTime());
  // Every sent message is recorded: compiled once (db/prepared.ts), so the row's columns come in a fixed order.
  const row = {
    id,
    office_id: record.office_id,
    case_id: record.case_id,
    direction: record.direction,
    message_id: record.message_id,
    source: record.source,
    sender: record.sender,
    recipient: record.recipient,
    subject: record.subject,
    status: record.status,
    outcome: record.outcome,
    template: record.template,
    size_bytes: record.size_bytes,
    created_at: now.toISOString(),
    processed_at: null as string | null,
  };
  await runPrepared(
    db,
    'email-insert-message',
    () => db.insertInto('email_messages').values(row),
    Object.values(row),
  );
  return id;
}

export async function findEmailMessage(
  db: Db,
  direction: 'in' | 'out',
  messageId: string,
): Promise<Selectable<EmailMessageTable> | undefined> {
  const [row] = await runPrepared<Selectable<EmailMessageTable>>(
    db,
    'email-find-message',
    () =>
      db.selectFrom('email_messages').selectAll().where('direction', '=', 'out').where('message_id', '=', ''),
    [direction, messageId],
  );
  return row;
}

/** The case a set of Message-IDs (In-Reply-To, References) belongs to, newest reference first. */
export async function caseOfMessageIds(db: Db, messageIds: readonly string[]): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const rows = await db
    .selectFrom('email_messages')
    .select(['message_id', 'case_id'])
    .where('message_id', 'in', messageIds.slice(-50))
    .where('case_id', 'is not', null)
    .execute();
  for (const id of [...messageIds].reverse()) {
    const hit = rows.find((row) => row.message_id === id);
    if (hit?.case_id) return hit.case_id;
  }
  return undefined;
}

/** Message-IDs of a case's mail, oldest first: the References of the next message. */
export async function threadOf(
  db: Db,
  caseId: string,
): Promise<{ messageId: string; direction: 'in' | 'out' }[]> {
  return runPrepared(
    db,
    'email-thread-of-case',
    () =>
      db
        .selectFrom('email_messages')
        .select(['message_id as messageId', 'direction'])
        .where('case_id', '=', '')
        .where('status', 'in', ['sent', 'processed'])
        .orderBy('created_at')
        .orderBy('id'),
    [caseId, 'sent', 'processed'],
  );
}

export async function countRecentFromSender(db: Db, sender: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('email_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('direction', '=', 'in')
    .where('sender', '=', sender)
    .where('created_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ------------------------------------------------------------------ opt-outs

export async function hasOptedOut(db: Db, caseId: string): Promise<boolean> {
  const rows = await runPrepared(
    db,
    'email-has-opted-out',
    () => db.selectFrom('case_email_optouts').select('case_id').where('case_id', '=', ''),
    [caseId],
  );
  return rows.length > 0;
}

export async function optOut(db: Db, caseId: string, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('case_email_optouts')
    .values({ case_id: caseId, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
