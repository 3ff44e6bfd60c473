import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.js';
import { SYSTEM_ACTOR } from '../events/catalogue.js';
import { newId } from '../lib/ids.js';
import { createUser } from '../modules/accounts/create-user.js';
import type { Role } from '../modules/accounts/roles.js';
import { replaceTeams } from '../modules/accounts/storage.js';
import { saveAgentSettings } from '../modules/chat/storage.js';
import { seedDemoPhone } from '../modules/phone/demo.js';
import { DEMO_OFFICE_CODE } from './seed-demo.js';

const DEMO_STAFF: { email: string; displayName: string; roles: Role[]; team?: string }[] = [
  {
    email: 'supervisor@example.go.id',
    displayName: 'Budi (Supervisor Paspor)',
    roles: ['supervisor'],
    team: 'paspor',
  },
  { email: 'agen@example.go.id', displayName: 'Rina (Petugas Informasi)', roles: ['agent'], team: 'paspor' },
  {
    email: 'agen2@example.go.id',
    displayName: 'Dewi (Petugas Izin Tinggal)',
    roles: ['agent'],
    team: 'izin-tinggal',
  },
  { email: 'auditor@example.go.id', displayName: 'Hendra (Auditor)', roles: ['auditor'] },
  // Two publishers: a publication needs a second one to approve it.
  { email: 'humas@example.go.id', displayName: 'Sari (Humas)', roles: ['publisher'] },
  { email: 'humas2@example.go.id', displayName: 'Yoga (Humas)', roles: ['publisher'] },
];

const DEMO_TEAMS = [
  { code: 'paspor', nameId: 'Tim Paspor', nameEn: 'Passport team' },
  { code: 'izin-tinggal', nameId: 'Tim Izin Tinggal', nameEn: 'Stay permit team' },
];

/**
 * Demo teams and staff of the demo office, with generated passwords kept in a file of the data directory
 * (mode 0600) so a newcomer can sign in as each role. None of them needs two-factor; the administrator does.
 */
export async function seedDemoStaff(db: Db, dataDir: string, now = new Date()): Promise<string> {
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', DEMO_OFFICE_CODE)
    .executeTakeFirstOrThrow();
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const id = newId(now.getTime());
    await db
      .insertInto('teams')
      .values({
        id,
        office_id: office.id,
        code: team.code,
        name_id: team.nameId,
        name_en: team.nameEn,
        created_at: now.toISOString(),
      })
      .execute();
    teamIds.set(team.code, id);
  }
  const lines: string[] = [];
  let firstAgent: string | undefined;
  for (const staff of DEMO_STAFF) {
    const { user, generatedPassword } = await createUser(
      db,
      SYSTEM_ACTOR,
      { ...staff, officeId: office.id },
      now,
    );
    if (staff.team) await replaceTeams(db, user.id, [teamIds.get(staff.team)!]);
    if (staff.roles.includes('agent')) firstAgent ??= user.id;
    // Live chat: agents start away (they go online in the console's chat panel), both languages, three chats.
    if (staff.roles.includes('agent')) {
      await saveAgentSettings(
        db,
        {
          userId: user.id,
          officeId: office.id,
          status: 'away',
          capacity: 3,
          languages: ['id', 'en'],
          serviceIds: null,
        },
        now,
      );
    }
    lines.push(`${staff.email}\t${generatedPassword}\t${staff.roles.join(',')}\t${staff.displayName}`);
  }
  if (firstAgent) await seedDemoPhone(db, firstAgent, now);
  const file = path.join(dataDir, 'demo-staff.txt');
  writeFileSync(file, `# e-mail\tpassword\troles\tname\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}
