import type { Db } from '../../db/connection.js';
import { staffActor } from '../../events/catalogue.js';
import { toStaffUser } from '../accounts/model.js';
import { findUserById } from '../accounts/storage.js';
import { setExtension } from './cti.js';
import { logContact } from './log-contact.js';

const DAY = 24 * 60 * 60_000;

const CONTACTS = [
  {
    daysAgo: 0,
    channel: 'phone',
    callerNumber: '0812-0000-1041',
    categoryCode: undefined,
    topic: 'Jam layanan',
    answer: 'Loket buka Senin–Jumat 08.00–16.00 WIB.',
    durationSeconds: 95,
  },
  {
    daysAgo: 0,
    channel: 'counter',
    callerName: 'Ibu Sari',
    topic: 'Syarat paspor anak',
    answer: 'Diberikan daftar syarat tercetak.',
    durationSeconds: 240,
  },
  {
    daysAgo: 1,
    channel: 'phone',
    callerNumber: '+62 813 5555 0101',
    topic: 'Biaya paspor elektronik',
    answer: 'Rp 650.000 (5 tahun) / Rp 950.000 (10 tahun).',
    durationSeconds: 130,
  },
  {
    daysAgo: 2,
    channel: 'phone',
    callerNumber: '081355550202',
    topic: 'Status permohonan',
    answer: 'Diarahkan ke cek status di portal.',
    durationSeconds: 180,
  },
] as const;

/** A few phone and counter contacts answered on the spot, and the first agent's extension, for the demo console. */
export async function seedDemoPhone(db: Db, agentId: string, now: Date): Promise<void> {
  const account = await findUserById(db, agentId);
  if (!account) return;
  const user = toStaffUser(account);
  await setExtension(db, user, '201', now);
  for (const demo of CONTACTS) {
    await logContact(
      db,
      // Answered on the spot: no case is created, so no access key needs the secret.
      { secret: '' },
      user,
      staffActor(user),
      { ...demo, outcome: 'answered' },
      new Date(now.getTime() - demo.daysAgo * DAY - 2 * 60 * 60_000),
    );
  }
}
