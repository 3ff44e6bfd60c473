import type { Db } from '../../db/connection.js';
import { toBool, toIso } from '../../db/dialect.js';
import { runPrepared } from '../../db/prepared.js';
import type { NewCaseFacts } from '../../events/catalogue.js';
import type { RecordedEvent } from '../../events/reactions.js';

interface FactsRow {
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  anonymous: boolean | number;
  confidential: boolean | number;
  category_id: string | null;
  received_at: Date | string;
}

/**
 * The facts of a new case for a reaction to `case.created`: as `createCase` handed them over, or — for an event
 * recorded without them — read from the case row (undefined when the case is not there).
 */
export async function newCaseFacts(
  db: Db,
  event: RecordedEvent<'case.created'>,
): Promise<NewCaseFacts | undefined> {
  if (event.facts) return event.facts.case;
  if (!event.caseId) return undefined;
  const [row] = await runPrepared<FactsRow>(
    db,
    'new-case-facts',
    () =>
      db
        .selectFrom('cases')
        .select([
          'contact_name',
          'contact_email',
          'contact_phone',
          'anonymous',
          'confidential',
          'category_id',
          'received_at',
        ])
        .where('id', '=', ''),
    [event.caseId],
  );
  return row && toNewCaseFacts(row);
}

function toNewCaseFacts(row: FactsRow): NewCaseFacts {
  return {
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    anonymous: toBool(row.anonymous),
    confidential: toBool(row.confidential),
    categoryId: row.category_id,
    receivedAt: new Date(toIso(row.received_at)),
  };
}
