import type { MessageKind } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { requireText } from './create-case.js';
import type { Case, CaseMessage } from './model.js';
import { isFinal } from './status-machine.js';
import { findCaseByTrackingCode, insertMessage, updateCaseQuietly } from './storage.js';
import { applyTransition } from './transition-case.js';

export type StaffMessageKind = Exclude<MessageKind, 'citizen_message'>;

/**
 * A staff reply (public) or internal note. Internal notes are allowed on any case; a public reply is refused
 * once the case is final, since the citizen can no longer answer.
 */
export async function addStaffMessage(
  db: Db,
  actor: Actor,
  loaded: Case,
  input: { kind: StaffMessageKind; body: string },
  now = new Date(),
): Promise<CaseMessage> {
  const body = requireText(input.body, 'body');
  return inTransaction(db, async (trx) => {
    const current = await reload(trx, loaded);
    if (input.kind === 'public_reply' && isFinal(current.status)) throw new AppError('case_closed');
    const message = await appendMessage(trx, actor, current, input.kind, body, now);
    if (input.kind === 'public_reply' && current.firstResponseAt === null) {
      await updateCaseQuietly(trx, current.id, { first_response_at: message.createdAt });
    }
    return message;
  });
}

/**
 * A follow-up from the citizen. While the office waits on the citizen, the answer puts the case back in
 * progress automatically, so it cannot sit unnoticed.
 */
export async function addCitizenMessage(
  db: Db,
  actor: Actor,
  loaded: Case,
  input: { body: string },
  now = new Date(),
): Promise<{ message: CaseMessage; case: Case }> {
  const body = requireText(input.body, 'body');
  return inTransaction(db, async (trx) => {
    const current = await reload(trx, loaded);
    if (isFinal(current.status)) throw new AppError('case_closed');
    const message = await appendMessage(trx, actor, current, 'citizen_message', body, now);
    const after =
      current.status === 'waiting_on_citizen'
        ? await applyTransition(trx, actor, current, { to: 'in_progress', automatic: true }, now)
        : current;
    return { message, case: after };
  });
}

/** The case as it is now, inside the transaction: it may have changed since the caller loaded it. */
async function reload(trx: Db, loaded: Case): Promise<Case> {
  const current = await findCaseByTrackingCode(trx, loaded.trackingCode);
  if (!current) throw new AppError('case_not_found');
  return current;
}

async function appendMessage(
  trx: Db,
  actor: Actor,
  current: Case,
  kind: MessageKind,
  body: string,
  now: Date,
): Promise<CaseMessage> {
  const message: CaseMessage = {
    id: newId(now.getTime()),
    caseId: current.id,
    kind,
    body: body.replace(/\r\n?/g, '\n'),
    authorType: actor.type,
    authorId: actor.id,
    authorName: actor.name,
    createdAt: now.toISOString(),
  };
  await insertMessage(trx, message);
  await recordEvent(trx, {
    type: 'case.message_added',
    actor,
    officeId: current.officeId,
    caseId: current.id,
    payload: { messageId: message.id, kind },
    at: now,
  });
  return message;
}
