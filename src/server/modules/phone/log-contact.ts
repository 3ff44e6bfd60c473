import type { CaseType } from '../../../shared/enums.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { createCase } from '../cases/create-case.js';
import { identitiesOf, normalisePhone } from '../contacts/identities.js';
import { resolveContact } from '../contacts/link-contact.js';
import { findCategoryByCode, findOfficeById } from '../offices/storage.js';

export interface LogContactInput {
  channel: 'phone' | 'counter';
  callerNumber?: string;
  callerName?: string;
  categoryCode?: string;
  topic?: string;
  outcome: 'answered' | 'case';
  /** What the agent told the caller (answered on the spot). */
  answer?: string;
  /** The case to create (outcome `case`). */
  case?: { type: CaseType; subject: string; description: string };
  durationSeconds?: number;
  /** The PBX's id of the call this contact was (from the screen pop): its duration arrives with call.ended. */
  callId?: string;
  officeId?: string;
}

export interface LoggedContact {
  id: string;
  contactId: string | null;
  trackingCode: string | null;
  accessKey: string | null;
}

/**
 * Records a phone call or a counter visit. Answered on the spot it is a logged contact only (counted in the
 * report); otherwise a case of channel phone/counter is created too. Either way the caller joins their contact's
 * history by phone number, and a call's duration reported by the PBX is carried over.
 */
export async function logContact(
  db: Db,
  config: Pick<Config, 'secret'>,
  user: StaffUser,
  actor: Actor,
  input: LogContactInput,
  now = new Date(),
): Promise<LoggedContact> {
  const officeId = input.officeId ?? user.officeId;
  if (!officeId)
    throw new AppError('validation_failed', { errors: [{ field: 'officeId', code: 'required' }] });
  const office = await findOfficeById(db, officeId);
  if (!office) throw new AppError('unknown_office', { field: 'officeId' });
  const number = input.callerNumber?.trim() ? normalisePhone(input.callerNumber) : null;
  if (input.callerNumber?.trim() && !number) {
    throw new AppError('validation_failed', { errors: [{ field: 'callerNumber', code: 'format' }] });
  }
  const name = input.callerName?.trim() || null;
  if (!number && !name) {
    throw new AppError('validation_failed', { errors: [{ field: 'callerNumber', code: 'required' }] });
  }
  if (input.outcome === 'answered' && !input.answer?.trim()) {
    throw new AppError('validation_failed', { errors: [{ field: 'answer', code: 'blank' }] });
  }
  if (input.outcome === 'case' && !input.case) {
    throw new AppError('validation_failed', { errors: [{ field: 'case', code: 'required' }] });
  }
  const category = input.categoryCode
    ? await findCategoryByCode(db, officeId, input.categoryCode)
    : undefined;
  if (input.categoryCode && !category) throw new AppError('unknown_category', { field: 'categoryCode' });

  return inTransaction(db, async (trx) => {
    let caseId: string | null = null;
    let trackingCode: string | null = null;
    let accessKey: string | null = null;
    if (input.outcome === 'case' && input.case) {
      const created = await createCase(
        trx,
        actor,
        {
          ...input.case,
          officeCode: office.code,
          categoryCode: input.categoryCode,
          channel: input.channel,
          language: 'id',
          contact: { name: name ?? undefined, phone: number ? `+${number}` : undefined },
        },
        { secret: config.secret, now },
      );
      caseId = created.case.id;
      trackingCode = created.case.trackingCode;
      accessKey = created.accessKey;
    }
    const contactId = (await resolveContact(trx, identitiesOf({ phone: number }), { name, now })) ?? null;
    const call = input.callId
      ? await trx
          .selectFrom('cti_calls')
          .select('duration_seconds')
          .where('office_id', '=', officeId)
          .where('call_id', '=', input.callId)
          .executeTakeFirst()
      : undefined;
    const id = newId(now.getTime());
    await trx
      .insertInto('logged_contacts')
      .values({
        id,
        office_id: officeId,
        channel: input.channel,
        caller_number: number,
        caller_name: name?.slice(0, 200) ?? null,
        contact_id: contactId,
        category_id: category?.id ?? null,
        topic: input.topic?.trim().slice(0, 200) || null,
        outcome: input.outcome,
        answer: input.outcome === 'answered' ? input.answer!.trim().slice(0, 5000) : null,
        case_id: caseId,
        duration_seconds: call?.duration_seconds ?? input.durationSeconds ?? null,
        call_id: input.callId?.slice(0, 100) ?? null,
        agent_id: user.id,
        created_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'contact.logged',
      actor,
      officeId,
      caseId,
      payload: { loggedContactId: id, channel: input.channel, outcome: input.outcome },
      at: now,
    });
    return { id, contactId, trackingCode, accessKey };
  });
}
