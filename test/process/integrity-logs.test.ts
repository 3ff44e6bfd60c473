import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../../src/server/events/catalogue.js';
import { createUser } from '../../src/server/modules/accounts/create-user.js';
import { enrolOfficer } from '../../src/server/modules/integrity/officers.js';
import { solveChallenge } from '../../src/server/modules/integrity/proof-of-work.js';
import { findOfficeByCode } from '../../src/server/modules/offices/storage.js';
import { copyTemplate } from '../../src/test-support/database.js';
import { ENGINE } from '../../src/test-support/engine.js';
import { PROCESS_TEST_OPTIONS, type ServerProcess, startServer, tempDataDir } from './server-process.js';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL');
});

function hidden(body: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];
  if (value === undefined) throw new Error(`no field ${name}`);
  return value.replace(/&amp;/g, '&');
}

/** The log process test's counterpart for the integrity channel: nothing about a report reaches the logs. */
describe(`integrity channel logs on ${ENGINE}`, PROCESS_TEST_OPTIONS, () => {
  it('writes no line about an integrity submission or follow-up, and none of its content', async () => {
    const env = { LOKET_DATABASE_URL: await copyTemplate(), LOKET_DATA_DIR: tempDataDir() };
    const server = await startServer(env);
    running.push(server);
    const database = openDatabase(env.LOKET_DATABASE_URL);
    try {
      const office = await findOfficeByCode(database.db, 'SBY');
      const { user } = await createUser(database.db, SYSTEM_ACTOR, {
        email: 'integritas-log@example.go.id',
        displayName: 'Petugas Integritas',
        roles: ['integrity_officer'],
        officeId: office!.id,
        password: 'kuda-laut-berenang-di-teluk-7',
      });
      await enrolOfficer(database.db, user, SYSTEM_ACTOR, 'frasa-sandi-panjang-sekali', new Date());
    } finally {
      await database.close();
    }
    const form = await fetch(`${server.url}/integrity`);
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await form.text();
    const challenge = hidden(page, 'challenge');
    const description = 'Petugas bernama Rahasia Terlapor meminta Rp750.000 di loket 4';
    const contact = 'pelapor-rahasia@example.com';
    const sent = await fetch(`${server.url}/integrity`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        'user-agent': 'UA-Pelapor/1.0',
      },
      body: new URLSearchParams({
        csrf: hidden(page, 'csrf'),
        challenge,
        pow: solveChallenge(challenge),
        category: 'pungli',
        description,
        wants_contact: '1',
        contact,
      }),
    });
    expect(sent.status).toBe(201);
    const receipt = /id="integrity-receipt">([\d ]+)</.exec(await sent.text())![1]!;
    const followUp = await fetch(`${server.url}/integrity/follow-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrf: hidden(page, 'csrf'), receipt }),
    });
    expect(await followUp.text()).toContain('Rp750.000');
    // An ordinary page is logged as usual, so the absence of the integrity pages below means something.
    await fetch(`${server.url}/status`);
    server.child.kill('SIGTERM');
    await server.exited;
    const output = server.output();
    expect(output).toContain('request completed');
    for (const secret of [
      '/integrity',
      'Rahasia Terlapor',
      'Rp750.000',
      contact,
      receipt,
      receipt.replace(/ /g, ''),
      'UA-Pelapor',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
