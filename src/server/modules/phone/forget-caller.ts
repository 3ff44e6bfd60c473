import type { Db } from '../../db/connection.js';

/**
 * Removes who called or visited from the phone and counter records, keeping the rows themselves: they are the
 * office's contact statistics (per day, channel, topic, duration), which identify nobody without the number and
 * name. What the agent wrote (topic, answer) is free text and stays, like a case's messages.
 */
export async function forgetCallerOfCases(trx: Db, caseIds: readonly string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await trx
    .updateTable('logged_contacts')
    .set({ caller_number: null, caller_name: null, contact_id: null })
    .where('case_id', 'in', caseIds)
    .where((eb) =>
      eb.or([
        eb('caller_number', 'is not', null),
        eb('caller_name', 'is not', null),
        eb('contact_id', 'is not', null),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The same for a person (erasure): their logged calls and visits by contact or number, the PBX's call records
 * by number, and pending screen pops that show the number (they are swept within minutes anyway).
 */
export async function forgetCaller(
  trx: Db,
  person: { contactIds: readonly string[]; phones: readonly string[] },
): Promise<void> {
  const { contactIds, phones } = person;
  if (contactIds.length === 0 && phones.length === 0) return;
  await trx
    .updateTable('logged_contacts')
    .set({ caller_number: null, caller_name: null, contact_id: null })
    .where((eb) =>
      eb.or([
        ...(contactIds.length ? [eb('contact_id', 'in', contactIds)] : []),
        ...(phones.length ? [eb('caller_number', 'in', phones)] : []),
      ]),
    )
    .execute();
  if (phones.length === 0) return;
  await trx
    .updateTable('cti_calls')
    .set({ caller_number: null })
    .where('caller_number', 'in', phones)
    .execute();
  for (const phone of phones)
    await trx
      .deleteFrom('staff_signals')
      .where('kind', '=', 'screen_pop')
      .where('data', 'like', `%"callerNumber":"${phone}"%`)
      .execute();
}
