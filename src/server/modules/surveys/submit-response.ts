import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, type FieldError } from '../../errors.js';
import { localDay } from '../../lib/calendar-dates.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { findOfficeByCode, findServiceByCode } from '../offices/storage.js';
import { aggregatesChanged } from '../transparency/generation.js';
import { isValidAnswers, SKM_ELEMENTS } from './ikm.js';
import { type Invitation, usedTokenKey } from './invitations.js';
import { isProfileValue, PROFILE_FIELDS, type SkmResponseInput } from './model.js';

/**
 * Stores one SKM questionnaire and adds it to the day's running sums, in one transaction. With a one-time link,
 * the link is marked used first: a second answer through it (or another link for the same case) is refused with
 * `survey_already_answered`. The row keeps the office's calendar day only, never a time, an address or the case.
 */
export async function submitSkmResponse(
  db: Db,
  config: Pick<Config, 'secret'>,
  input: SkmResponseInput,
  options: { invitation?: Invitation; now?: Date } = {},
): Promise<{ id: string; day: string }> {
  const now = options.now ?? new Date();
  const office = await findOfficeByCode(db, input.officeCode);
  if (!office) throw new AppError('unknown_office', { field: 'officeCode' });
  const service = await findServiceByCode(db, office.id, input.serviceCode);
  if (!service) throw new AppError('unknown_service', { field: 'serviceCode' });
  const errors: FieldError[] = [];
  if (!isValidAnswers(input.answers)) {
    for (const element of SKM_ELEMENTS) {
      const value = (input.answers as Record<string, unknown> | undefined)?.[element];
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 4)
        errors.push({ field: `answers.${element}`, code: 'range', params: { min: 1, max: 4 } });
    }
  }
  for (const field of PROFILE_FIELDS) {
    const value = input.profile?.[field];
    if (value !== undefined && value !== null && !isProfileValue(field, value))
      errors.push({ field: `profile.${field}`, code: 'enum' });
  }
  if (errors.length) throw new AppError('validation_failed', { errors });

  const day = localDay(office.timeZone, now);
  const id = newId(Date.parse(`${day}T00:00:00Z`));
  const a = input.answers;
  await inTransaction(db, async (trx) => {
    aggregatesChanged();
    if (options.invitation) {
      try {
        await trx
          .insertInto('skm_used_tokens')
          .values({ token_key: usedTokenKey(config, options.invitation), used_day: day })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('survey_already_answered');
        throw error;
      }
    }
    await trx
      .insertInto('skm_responses')
      .values({
        id,
        office_id: office.id,
        service_code: service.code,
        day,
        source: input.source,
        language: input.language,
        ...a,
        age_band: input.profile?.ageBand ?? null,
        sex: input.profile?.sex ?? null,
        education: input.profile?.education ?? null,
        occupation: input.profile?.occupation ?? null,
      })
      .execute();
    await trx
      .insertInto('skm_daily')
      .values({
        office_id: office.id,
        service_code: service.code,
        day,
        respondents: 1,
        s1: a.u1,
        s2: a.u2,
        s3: a.u3,
        s4: a.u4,
        s5: a.u5,
        s6: a.u6,
        s7: a.u7,
        s8: a.u8,
        s9: a.u9,
      })
      .onConflict((oc) =>
        oc.columns(['office_id', 'day', 'service_code']).doUpdateSet((eb) => ({
          respondents: eb('skm_daily.respondents', '+', 1),
          s1: eb('skm_daily.s1', '+', a.u1),
          s2: eb('skm_daily.s2', '+', a.u2),
          s3: eb('skm_daily.s3', '+', a.u3),
          s4: eb('skm_daily.s4', '+', a.u4),
          s5: eb('skm_daily.s5', '+', a.u5),
          s6: eb('skm_daily.s6', '+', a.u6),
          s7: eb('skm_daily.s7', '+', a.u7),
          s8: eb('skm_daily.s8', '+', a.u8),
          s9: eb('skm_daily.s9', '+', a.u9),
        })),
      )
      .execute();
  });
  return { id, day };
}

/** True when the case or application behind a link has answered already. */
export async function invitationUsed(
  db: Db,
  config: Pick<Config, 'secret'>,
  invitation: Pick<Invitation, 'kind' | 'ref'>,
): Promise<boolean> {
  const row = await db
    .selectFrom('skm_used_tokens')
    .select('token_key')
    .where('token_key', '=', usedTokenKey(config, invitation))
    .executeTakeFirst();
  return row !== undefined;
}
