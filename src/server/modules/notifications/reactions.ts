import type { Db } from '../../db/connection.js';
import { onEvent } from '../../events/reactions.js';
import { notifyStaff } from './notify.js';

/**
 * Staff notifications that follow from case events: an assignment tells the new assignee (or, for a team without
 * an assignee, the team's members); an internal note tells the colleagues it mentions with `@name` (the part of
 * their e-mail address before the @). Nobody is told about their own action.
 */
onEvent('case.assigned', async (trx, event) => {
  const { assigneeId, teamId, previousAssigneeId, previousTeamId } = event.payload;
  if (!event.caseId || !event.officeId) return;
  let recipients: string[] = [];
  if (assigneeId && assigneeId !== previousAssigneeId) recipients = [assigneeId];
  else if (!assigneeId && teamId && teamId !== previousTeamId) {
    const members = await trx
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', teamId)
      .execute();
    recipients = members.map((m) => m.user_id);
  }
  recipients = recipients.filter((id) => id !== event.actor.id);
  if (recipients.length === 0) return;
  const found = await caseHeadline(trx, event.caseId);
  await notifyStaff(
    trx,
    recipients,
    {
      kind: 'assigned',
      officeId: event.officeId,
      caseId: event.caseId,
      ...found,
      actorName: event.actor.name,
      details: {},
    },
    event.at,
  );
});

onEvent('case.message_added', async (trx, event) => {
  if (event.payload.kind !== 'internal_note' || !event.caseId || !event.officeId) return;
  const message = await trx
    .selectFrom('case_messages')
    .select('body')
    .where('id', '=', event.payload.messageId)
    .executeTakeFirst();
  const names = message ? mentionedNames(message.body) : [];
  if (names.length === 0) return;
  const officeId = event.officeId;
  const colleagues = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where((eb) => eb.or([eb('office_id', '=', officeId), eb('office_id', 'is', null)]))
    .where('disabled_at', 'is', null)
    .execute();
  const wanted = new Set(names);
  const recipients = colleagues
    .filter((c) => wanted.has(c.email.split('@')[0]!.toLowerCase()) && c.id !== event.actor.id)
    .map((c) => c.id);
  if (recipients.length === 0) return;
  const found = await caseHeadline(trx, event.caseId);
  await notifyStaff(
    trx,
    recipients,
    {
      kind: 'mentioned',
      officeId,
      caseId: event.caseId,
      ...found,
      actorName: event.actor.name,
      details: { messageId: event.payload.messageId },
    },
    event.at,
  );
});

/** `@sari`, `@budi.santoso` in a note → ['sari', 'budi.santoso']; an e-mail address in the text is not a mention. */
export function mentionedNames(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(/(^|[^\w.@])@([a-z0-9][a-z0-9._-]{0,63})/gi)) {
    names.add(match[2]!.replace(/[._-]+$/, '').toLowerCase());
  }
  return [...names];
}

async function caseHeadline(
  trx: Db,
  caseId: string,
): Promise<{ trackingCode: string | null; subject: string | null }> {
  const row = await trx
    .selectFrom('cases')
    .select(['tracking_code', 'subject'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return { trackingCode: row?.tracking_code ?? null, subject: row?.subject ?? null };
}
