import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { checkSavedCheckpoint, loadSigningKey } from '../server/modules/audit/checkpoints.js';
import { verifyAuditChain } from '../server/modules/audit/verify.js';

const PROBLEM_TEXT: Record<string, string> = {
  entry_changed: 'the chain entry was changed (its hash no longer matches its content)',
  link_broken: 'the entry does not link to the previous entry (entries were replaced or reordered)',
  entry_missing: 'this chain entry is missing (deleted, or the chain was cut before a saved checkpoint)',
  event_missing: 'the event this entry records is missing (deleted)',
  event_changed: 'the event this entry records was changed',
  event_not_chained: 'an event has no chain entry although the chainer passed it (an entry was removed)',
  checkpoint_mismatch: 'a published checkpoint no longer matches the chain (history was rewritten or cut)',
  malformed: 'the file is not a Loket audit checkpoint',
  bad_signature: 'the checkpoint’s signature is not valid',
  foreign_key: 'the checkpoint was signed with another key than this installation’s',
};

/** `loket audit verify [--checkpoint FILE] [--json]`: exit 0 when intact, 1 when broken. */
export async function auditVerifyCommand(db: Db, config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { checkpoint: { type: 'string' }, json: { type: 'boolean' } },
  });
  const result = await verifyAuditChain(db);
  let saved: Awaited<ReturnType<typeof checkSavedCheckpoint>> | null = null;
  if (values.checkpoint) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(readFileSync(values.checkpoint, 'utf8'));
    } catch {
      parsed = null;
    }
    saved = await checkSavedCheckpoint(db, parsed, loadSigningKey(config.dataDir).publicKey);
  }
  const intact = result.intact && (saved === null || saved.ok);
  if (values.json) {
    console.log(JSON.stringify({ ...result, intact, savedCheckpoint: saved }, null, 2));
    return intact ? 0 : 1;
  }
  if (result.problem) {
    const p = result.problem;
    console.log(`BROKEN at entry ${p.seq ?? '-'}${p.at ? ` (${p.at})` : ''}: ${PROBLEM_TEXT[p.kind]}`);
    if (p.eventId) console.log(`  event ${p.eventId}`);
    console.log(`  ${result.entries} entries before it are intact.`);
  } else {
    console.log(
      `Intact: ${result.entries} entries${result.last ? `, last ${result.last.seq} ${result.last.entryHash} (${result.last.chainedAt})` : ''}; ${result.checkpointsChecked} checkpoints match.`,
    );
  }
  if (result.pendingEvents) console.log(`  ${result.pendingEvents} newer events are waiting to be chained.`);
  if (saved) {
    console.log(
      saved.ok
        ? `Saved checkpoint: entry ${saved.seq} matches the chain and the signature is valid.`
        : `Saved checkpoint FAILS${saved.seq ? ` at entry ${saved.seq}` : ''}: ${PROBLEM_TEXT[saved.problem!] ?? saved.problem}`,
    );
  }
  return intact ? 0 : 1;
}
