import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connection.js';
import { publishCheckpoint } from '../../src/server/modules/audit/checkpoints.js';
import { chainAllEvents } from '../../src/test-support/audit.js';
import { copyTemplate } from '../../src/test-support/database.js';
import { ENGINE } from '../../src/test-support/engine.js';
import { collect, PROCESS_TEST_OPTIONS, runEntry, tempDataDir } from './server-process.js';

describe(`loket audit verify on ${ENGINE}`, PROCESS_TEST_OPTIONS, () => {
  it('exits 0 on an intact chain and 1 with the broken entry after a direct edit', async () => {
    const env = { LOKET_DATABASE_URL: await copyTemplate(), LOKET_DATA_DIR: tempDataDir() };
    expect((await collect(runEntry('src/cli/main.ts', ['seed', '--demo'], env))).code).toBe(0);
    const database = openDatabase(env.LOKET_DATABASE_URL);
    try {
      const chained = await chainAllEvents(database.db);
      expect(chained).toBeGreaterThan(100);
      const checkpoint = await publishCheckpoint(database.db, env.LOKET_DATA_DIR, new Date());
      const file = path.join(env.LOKET_DATA_DIR, 'saved-checkpoint.json');
      writeFileSync(file, JSON.stringify(checkpoint));

      const intact = await collect(
        runEntry('src/cli/main.ts', ['audit', 'verify', '--checkpoint', file], env),
      );
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(new RegExp(`Intact: ${checkpoint!.seq} entries`));
      expect(intact.stdout).toContain(`Saved checkpoint: entry ${checkpoint!.seq} matches`);

      if (ENGINE === 'postgres') await sql`drop trigger events_append_only on events`.execute(database.db);
      else await sql`drop trigger events_no_update`.execute(database.db);
      const target = await database.db
        .selectFrom('audit_chain')
        .select(['event_id', 'chained_at'])
        .where('seq', '=', 42)
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable('events')
        .set({ actor_name: 'Edited' })
        .where('id', '=', target.event_id)
        .execute();

      const broken = await collect(runEntry('src/cli/main.ts', ['audit', 'verify'], env));
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('BROKEN at entry 42');
      expect(broken.stdout).toContain('the event this entry records was changed');
      const json = await collect(runEntry('src/cli/main.ts', ['audit', 'verify', '--json'], env));
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout).problem).toMatchObject({
        kind: 'event_changed',
        seq: 42,
        eventId: target.event_id,
      });
    } finally {
      await database.close();
    }
  });
});
