import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.js';
import { SYSTEM_ACTOR } from '../events/catalogue.js';
import { createUser } from '../modules/accounts/create-user.js';
import { IntegrityFileStore } from '../modules/integrity/attachments.js';
import { formatReceipt } from '../modules/integrity/crypto.js';
import { enrolOfficer } from '../modules/integrity/officers.js';
import { submitIntegrityReport } from '../modules/integrity/reports.js';
import { DEMO_OFFICE_CODE } from './seed-demo.js';

/** A one-page PDF a reporter might attach: a photographed "receipt" for an unofficial fee. */
const DEMO_EVIDENCE = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 60>>stream\nBT /F1 14 Tf 20 90 Td (Terima Rp 300.000 - tanpa kuitansi) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * The demo office's integrity channel: an enrolled integrity officer (who sets up two-step verification at first
 * sign-in) and one report with a file, so `npm start` shows the whole flow. The officer's password and passphrase
 * and the report's receipt are appended to the demo staff file (mode 0600); everything else is encrypted as usual.
 */
export async function seedDemoIntegrity(
  db: Db,
  dataDir: string,
  secret: string,
  now = new Date(),
): Promise<void> {
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', DEMO_OFFICE_CODE)
    .executeTakeFirstOrThrow();
  const displayName = 'Sari (Petugas Integritas)';
  const { user, generatedPassword } = await createUser(
    db,
    SYSTEM_ACTOR,
    { email: 'integritas@example.go.id', displayName, roles: ['integrity_officer'], officeId: office.id },
    now,
  );
  const passphrase = `integritas-${randomBytes(9).toString('base64url')}`;
  await enrolOfficer(db, user, SYSTEM_ACTOR, passphrase, now);
  const { receipt } = await submitIntegrityReport(db, {
    officeId: office.id,
    category: 'pungli',
    description:
      'Saat mengambil paspor, petugas di loket pengambilan meminta Rp300.000 "biar cepat" dan tidak memberi kuitansi resmi. Saya lampirkan foto catatan yang ia berikan.',
    contact: null,
    secret,
    now,
    files: [{ fileName: 'catatan-pembayaran.pdf', mediaType: 'application/pdf', content: DEMO_EVIDENCE }],
    store: IntegrityFileStore.inDataDir(dataDir),
  });
  appendFileSync(
    path.join(dataDir, 'demo-staff.txt'),
    `integritas@example.go.id\t${generatedPassword}\tintegrity_officer\t${displayName}\n` +
      `# integrity officer passphrase (unlocks reports in Integrity reports): ${passphrase}\n` +
      `# demo integrity report receipt (portal → /integrity/follow-up): ${formatReceipt(receipt)}\n`,
    { mode: 0o600 },
  );
}
