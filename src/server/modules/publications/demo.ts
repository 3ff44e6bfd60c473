import type { Db } from '../../db/connection.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { createEnforcementRecord, type EnforcementRecordInput } from './enforcement-records.js';
import type { PublicationCategory, PublicationContent } from './model.js';
import {
  approvePublication,
  createPublication,
  type PublisherActor,
  submitPublication,
} from './publication-commands.js';

/**
 * Demo publications and enforcement records for the demo office, replayed through the real commands (written,
 * submitted, approved by a second publisher). Every person is fictional and marked as example data; the
 * enforcement announcement cites three records and shows them only as initials and nationality.
 */
const DAY = 86_400_000;
const AUTHOR: PublisherActor = {
  type: 'staff',
  id: '0190f000-0000-7000-8000-00000000d001',
  name: 'Tim Humas (demo)',
};
const REVIEWER: PublisherActor = {
  type: 'staff',
  id: '0190f000-0000-7000-8000-00000000d002',
  name: 'Kepala Subbagian Humas (demo)',
};

const basis = {
  overstay: 'Pasal 78 ayat (3) UU 6/2011',
  misuse: 'Pasal 122 huruf a UU 6/2011',
  danger: 'Pasal 75 ayat (1) UU 6/2011',
};

/** Fictional persons (example data). The first three are cited by the demo announcement, whose text must not name them. */
const RECORDS: EnforcementRecordInput[] = [
  {
    fullName: 'Chen Bo',
    nationality: 'CN',
    documentNumber: 'E00000001',
    legalBasis: basis.misuse,
    action: 'deportation',
    decidedOn: '2026-11-16',
    carriedOutOn: '2026-11-19',
  },
  {
    fullName: 'Tran Minh Khoa',
    nationality: 'VN',
    documentNumber: 'C0000002',
    legalBasis: basis.overstay,
    action: 'deportation',
    decidedOn: '2026-11-16',
    carriedOutOn: '2026-11-20',
  },
  {
    fullName: 'Ahmad Faiz Rahman',
    nationality: 'MY',
    documentNumber: 'A00000003',
    legalBasis: basis.danger,
    action: 'deportation',
    decidedOn: '2026-11-17',
    carriedOutOn: '2026-11-20',
  },
  ...Array.from(
    { length: 6 },
    (_, i): EnforcementRecordInput => ({
      fullName: `Contoh Warga Tiongkok ${i + 1}`,
      nationality: 'CN',
      documentNumber: `E1000000${i}`,
      legalBasis: basis.misuse,
      action: i < 3 ? 'deportation' : 'deterrence_listing',
      decidedOn: `2026-${i < 4 ? '10' : '09'}-1${i}`,
    }),
  ),
  ...Array.from(
    { length: 5 },
    (_, i): EnforcementRecordInput => ({
      fullName: `Contoh Warga Nigeria ${i + 1}`,
      nationality: 'NG',
      documentNumber: `A0200000${i}`,
      legalBasis: basis.overstay,
      action: 'administrative_fine',
      decidedOn: `2026-10-2${i}`,
    }),
  ),
];

interface DemoPublication {
  category: PublicationCategory;
  texts: PublicationContent['texts'];
  daysAgo: number;
  citeFirst?: number;
}

const PUBLICATIONS: DemoPublication[] = [
  {
    category: 'news',
    daysAgo: 21,
    texts: {
      id: {
        title: 'Layanan paspor keliling hadir di Sidoarjo',
        summary:
          'Warga Sidoarjo dapat membuat paspor tanpa datang ke kantor pada 5–7 Desember 2026 (contoh).',
        body: '## Jadwal\n- 5–7 Desember 2026, pukul 08.00–15.00 WIB\n- Pendaftaran lewat aplikasi **M-Paspor**\n\n## Yang perlu dibawa\n1. KTP elektronik asli\n2. Kartu keluarga asli\n3. Bukti bayar PNBP\n\nIni contoh data untuk demo.',
      },
      en: {
        title: 'Mobile passport service comes to Sidoarjo',
        summary:
          'Sidoarjo residents can apply for a passport without visiting the office on 5–7 December 2026 (example).',
        body: '## Schedule\n- 5–7 December 2026, 08:00–15:00 WIB\n- Register in the **M-Paspor** app\n\n## What to bring\n1. Original electronic ID card\n2. Original family card\n3. Proof of fee payment\n\nThis is example data for the demo.',
      },
    },
  },
  {
    category: 'service_change',
    daysAgo: 14,
    texts: {
      id: {
        title: 'Jam layanan selama cuti bersama akhir tahun',
        summary:
          'Layanan paspor tutup pada 24 dan 26 Desember 2026; layanan izin tinggal tetap buka terbatas (contoh).',
        body: 'Kantor tutup pada tanggal cuti bersama. Permohonan yang sudah terjadwal dipindahkan otomatis ke hari kerja berikutnya dan pemohon diberi tahu lewat surel.\n\nIni contoh data untuk demo.',
      },
      en: {
        title: 'Service hours during the year-end collective leave',
        summary:
          'Passport services close on 24 and 26 December 2026; stay permits stay open on a limited basis (example).',
        body: 'The office closes on the collective leave days. Booked appointments move automatically to the next working day and applicants are told by e-mail.\n\nThis is example data for the demo.',
      },
    },
  },
  {
    category: 'announcement',
    daysAgo: 7,
    texts: {
      id: {
        title: 'Waspada calo yang mengatasnamakan kantor imigrasi',
        summary: 'Petugas kami tidak pernah meminta pembayaran di luar kode billing resmi.',
        body: '## Ciri penipuan\n- Menawarkan paspor jadi dalam satu hari dengan biaya tambahan\n- Meminta transfer ke rekening pribadi\n\nLaporkan melalui [formulir pengaduan](/submit).',
      },
      en: {
        title: 'Beware of brokers claiming to act for the immigration office',
        summary: 'Our officers never ask for payment outside the official billing code.',
        body: '## Signs of fraud\n- Offering a passport in one day for an extra fee\n- Asking for a transfer to a personal account\n\nReport it through the [complaint form](/submit).',
      },
    },
  },
  {
    category: 'enforcement',
    daysAgo: 5,
    citeFirst: 3,
    texts: {
      id: {
        title: 'Kanim Surabaya mendeportasi tiga WNA yang melanggar izin tinggal',
        summary:
          'Tiga warga negara asing dideportasi setelah pengawasan TIMPORA bulan November 2026 (contoh).',
        body: 'Ketiganya terbukti menyalahgunakan izin tinggal atau tinggal melebihi masa berlaku izin. Selain dideportasi, mereka diusulkan masuk daftar penangkalan.\n\nIni contoh data untuk demo; orang-orang yang dirujuk adalah fiktif.',
      },
      en: {
        title: 'Surabaya immigration office deports three foreign nationals for stay permit violations',
        summary: 'Three foreign nationals were deported after joint supervision in November 2026 (example).',
        body: 'All three misused their stay permits or overstayed. Besides deportation, they were proposed for the entry ban list.\n\nThis is example data for the demo; the persons cited are fictional.',
      },
    },
  },
];

export async function seedDemoPublications(
  db: Db,
  secret: string,
  officeId: string,
  now: Date,
): Promise<void> {
  const recordIds: string[] = [];
  for (const record of RECORDS) {
    const at = new Date(`${record.decidedOn}T03:00:00Z`);
    recordIds.push((await createEnforcementRecord(db, SYSTEM_ACTOR, secret, officeId, record, at)).id);
  }
  for (const demo of PUBLICATIONS) {
    const at = new Date(now.getTime() - demo.daysAgo * DAY);
    const citations = recordIds.slice(0, demo.citeFirst ?? 0);
    const draft = await createPublication(
      db,
      AUTHOR,
      officeId,
      { category: demo.category, texts: demo.texts, citations },
      at,
    );
    const submitted = await submitPublication(
      db,
      AUTHOR,
      secret,
      draft.id,
      draft.version,
      new Date(at.getTime() + 3600_000),
    );
    await approvePublication(
      db,
      REVIEWER,
      secret,
      draft.id,
      { version: submitted.version },
      new Date(at.getTime() + 7200_000),
    );
  }
}
