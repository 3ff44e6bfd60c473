import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { contactByIdentity } from '../contacts/history.js';
import { normalisePhone } from '../contacts/identities.js';

export type CtiEventName = 'call.ringing' | 'call.answered' | 'call.ended';

export interface CtiEvent {
  event: CtiEventName;
  callId: string;
  callerNumber?: string;
  extension?: string;
  /** When it happened at the PBX (default: when Loket received it). */
  at?: string;
  /** call.ended: the talk time the PBX measured (default: from answered to ended). */
  durationSeconds?: number;
}

export interface CtiResult {
  status: 'screen_pop' | 'no_agent' | 'recorded' | 'unknown_call';
  contactId: string | null;
}

/** A screen pop as the agent's console receives it on the live stream. */
export interface ScreenPop {
  callId: string;
  state: 'ringing' | 'answered';
  callerNumber: string | null;
  contactId: string | null;
}

/**
 * An event from the office's PBX. Ringing and answered calls are matched to the agent by extension and pop the
 * caller's history in that agent's console; the end of a call records its duration on the call and on the contact
 * the agent logged for it. Events of one call may repeat or arrive out of order; each only moves the call forward.
 */
export async function handleCtiEvent(
  db: Db,
  officeId: string,
  event: CtiEvent,
  now = new Date(),
): Promise<CtiResult> {
  const at = event.at && !Number.isNaN(Date.parse(event.at)) ? new Date(event.at) : now;
  const number = normalisePhone(event.callerNumber);
  const existing = await db
    .selectFrom('cti_calls')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('call_id', '=', event.callId)
    .executeTakeFirst();
  if (event.event === 'call.ended') return endCall(db, officeId, existing, event, at, now);

  const agent = event.extension
    ? await db
        .selectFrom('agent_extensions')
        .select('user_id')
        .where('office_id', '=', officeId)
        .where('extension', '=', event.extension)
        .executeTakeFirst()
    : undefined;
  const contactId = (number && (await contactByIdentity(db, 'phone', number))) || null;
  const state = event.event === 'call.ringing' ? 'ringing' : 'answered';
  await inTransaction(db, async (trx) => {
    const stamp = now.toISOString();
    if (existing) {
      if (existing.state === 'ended' || (existing.state === 'answered' && state === 'ringing')) return;
      await trx
        .updateTable('cti_calls')
        .set({
          state,
          extension: event.extension ?? existing.extension,
          agent_id: agent?.user_id ?? existing.agent_id,
          caller_number: number ?? existing.caller_number,
          ...(state === 'answered' ? { answered_at: at.toISOString() } : {}),
          updated_at: stamp,
        })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('cti_calls')
        .values({
          id: newId(now.getTime()),
          office_id: officeId,
          call_id: event.callId,
          caller_number: number,
          extension: event.extension ?? null,
          agent_id: agent?.user_id ?? null,
          state,
          ringing_at: state === 'ringing' ? at.toISOString() : null,
          answered_at: state === 'answered' ? at.toISOString() : null,
          ended_at: null,
          duration_seconds: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
    }
    if (agent) {
      const pop: ScreenPop = { callId: event.callId, state, callerNumber: number, contactId };
      await trx
        .insertInto('staff_signals')
        .values({
          id: newId(now.getTime()),
          user_id: agent.user_id,
          kind: 'screen_pop',
          data: JSON.stringify(pop),
          created_at: stamp,
        })
        .execute();
    }
  });
  return { status: agent ? 'screen_pop' : 'no_agent', contactId };
}

async function endCall(
  db: Db,
  officeId: string,
  existing: { id: string; state: string; answered_at: Date | string | null } | undefined,
  event: CtiEvent,
  at: Date,
  now: Date,
): Promise<CtiResult> {
  if (!existing) return { status: 'unknown_call', contactId: null };
  const answeredAt = existing.answered_at ? new Date(toIso(existing.answered_at)) : null;
  const measured = answeredAt ? Math.max(0, Math.round((at.getTime() - answeredAt.getTime()) / 1000)) : 0;
  const duration = event.durationSeconds ?? measured;
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('cti_calls')
      .set({
        state: 'ended',
        ended_at: at.toISOString(),
        duration_seconds: duration,
        updated_at: now.toISOString(),
      })
      .where('id', '=', existing.id)
      .execute();
    // The agent may have logged the contact during the call: it gets the measured talk time.
    await trx
      .updateTable('logged_contacts')
      .set({ duration_seconds: duration })
      .where('office_id', '=', officeId)
      .where('call_id', '=', event.callId)
      .execute();
  });
  return { status: 'recorded', contactId: null };
}

/** Signals older than this are of no use to anyone (the live feed looks back seconds); a sweep removes them. */
export const SIGNAL_RETENTION_MS = 60 * 60_000;

export async function setExtension(
  db: Db,
  user: { id: string; officeId: string | null },
  extension: string | null,
  now = new Date(),
): Promise<void> {
  if (extension === null) {
    await db.deleteFrom('agent_extensions').where('user_id', '=', user.id).execute();
    return;
  }
  const values = { user_id: user.id, office_id: user.officeId!, extension, updated_at: now.toISOString() };
  await db
    .insertInto('agent_extensions')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ extension, office_id: values.office_id, updated_at: values.updated_at }),
    )
    .execute();
}

export async function extensionOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agent_extensions')
    .select('extension')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.extension ?? null;
}
