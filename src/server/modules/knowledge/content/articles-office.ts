import { SEED_MAKLUMAT } from './maklumat.js';
import type { SeedArticle } from './types.js';

/** About the office: service standards, maklumat, satisfaction survey, hours and contacts, personal data. */
export const OFFICE_ARTICLES: SeedArticle[] = [
  {
    key: 'standar-pelayanan',
    category: 'kantor',
    tags: ['standar pelayanan', 'UU 25/2009', 'transparansi'],
    related: ['maklumat-pelayanan', 'survei-kepuasan', 'waktu-penanganan-laporan'],
    translations: {
      id: {
        slug: 'standar-pelayanan',
        title: 'Standar pelayanan kantor imigrasi',
        summary:
          'Standar pelayanan adalah janji tertulis tentang persyaratan, prosedur, waktu, biaya, produk, dan penanganan pengaduan setiap layanan. Undang-Undang Nomor 25 Tahun 2009 mewajibkan setiap layanan memilikinya dan mengumumkannya.',
        body: `## Apa isinya
Menurut Pasal 21 UU 25/2009, standar pelayanan memuat 14 komponen:
1. Dasar hukum
2. Persyaratan
3. Sistem, mekanisme, dan prosedur
4. Jangka waktu penyelesaian
5. Biaya/tarif
6. Produk pelayanan
7. Sarana, prasarana, dan/atau fasilitas
8. Kompetensi pelaksana
9. Pengawasan internal
10. Penanganan pengaduan, saran, dan masukan
11. Jumlah pelaksana
12. Jaminan pelayanan
13. Jaminan keamanan dan keselamatan pelayanan
14. Evaluasi kinerja pelaksana

Enam komponen (persyaratan; prosedur; jangka waktu; biaya/tarif; produk; serta penanganan pengaduan) wajib diumumkan kepada masyarakat menurut PermenPANRB 15/2014. Kantor ini mengumumkan keempat belas komponen.

## Contoh: layanan paspor
- **Waktu**: layanan reguler umumnya 4 hari kerja; layanan percepatan umumnya selesai pada hari yang sama.
- **Biaya**: mengikuti PP 45/2024, misalnya paspor elektronik 10 tahun {{fee:EPASPOR_10TH}}.
- **Pengaduan**: melalui Loket, dengan kode pelacakan dan batas waktu yang jelas.

## Jika standar tidak dipenuhi
Sampaikan [pengaduan](/submit/complaint). Standar pelayanan adalah ukuran yang dapat Anda tagih dari kami.`,
      },
      en: {
        slug: 'service-standards',
        title: 'Service standards of the immigration office',
        summary:
          'A service standard is a written commitment on the requirements, procedure, time, fees, product and complaint handling of each service. Law No. 25 of 2009 requires every service to have one and to publish it.',
        body: `## What it contains
Under Article 21 of UU 25/2009 (the Public Service Law), a service standard has 14 components:
1. Legal basis
2. Requirements
3. System, mechanism and procedure
4. Completion time
5. Fees/charges
6. Service product
7. Facilities and infrastructure
8. Staff competence
9. Internal supervision
10. Handling of complaints, suggestions and feedback
11. Number of staff
12. Service guarantee
13. Security and safety guarantee
14. Staff performance evaluation

Six components (requirements; procedure; completion time; fees; product; and complaint handling) must be published to the public under PermenPANRB 15/2014. This office publishes all fourteen.

## Example: the passport service
- **Time**: the regular service usually takes 4 working days; the same-day service usually finishes on the same day.
- **Fees**: according to PP 45/2024, for example {{fee:EPASPOR_10TH}} for a 10-year electronic passport.
- **Complaints**: through Loket, with a tracking code and clear time limits.

## If a standard is not met
Make a [complaint](/submit/complaint). The service standard is a measure you can hold us to.`,
      },
    },
  },
  {
    key: 'maklumat-pelayanan',
    category: 'kantor',
    tags: ['maklumat pelayanan', 'janji layanan'],
    related: ['standar-pelayanan', 'lapor-pungli-calo'],
    translations: {
      id: {
        slug: 'maklumat-pelayanan',
        title: 'Maklumat pelayanan',
        summary:
          'Maklumat pelayanan adalah pernyataan tertulis kantor yang diumumkan kepada masyarakat: kami sanggup memberikan layanan sesuai standar pelayanan dan siap menerima sanksi jika tidak menepatinya.',
        body: `## Isi maklumat kami
${SEED_MAKLUMAT.text.id}

## Mengapa ini penting
Maklumat adalah janji yang dapat Anda pegang. Jika Anda mengalami layanan yang tidak sesuai, sampaikan [pengaduan](/submit/complaint) atau [laporkan pelanggaran integritas](/integrity).`,
      },
      en: {
        slug: 'service-pledge',
        title: 'Service pledge (maklumat pelayanan)',
        summary:
          "The service pledge (maklumat pelayanan) is the office's written public statement: we commit to deliver the service according to the service standard and accept sanctions if we fail to keep it.",
        body: `## Our pledge
${SEED_MAKLUMAT.text.en}

## Why it matters
The pledge is a promise you can hold us to. If the service you received fell short, [make a complaint](/submit/complaint) or [report an integrity problem](/integrity).`,
      },
    },
  },
  {
    key: 'survei-kepuasan',
    category: 'kantor',
    tags: ['survei kepuasan', 'SKM', 'IKM'],
    related: ['standar-pelayanan', 'pendapat-saran'],
    translations: {
      id: {
        slug: 'survei-kepuasan-masyarakat',
        title: 'Survei Kepuasan Masyarakat (SKM)',
        summary:
          'Survei Kepuasan Masyarakat menilai layanan kami dari sembilan unsur, masing-masing dengan nilai 1 sampai 4. Mengisinya sukarela, singkat, dan tidak memerlukan nama.',
        body: `## Dasar dan tujuan
SKM dilaksanakan berdasarkan PermenPANRB 14/2017, paling sedikit sekali setahun untuk setiap unit layanan. Hasilnya dipakai untuk memperbaiki layanan dan diumumkan kepada masyarakat.

## Sembilan unsur yang dinilai
1. Persyaratan
2. Sistem, mekanisme, dan prosedur
3. Waktu penyelesaian
4. Biaya/tarif
5. Produk spesifikasi jenis pelayanan
6. Kompetensi pelaksana
7. Perilaku pelaksana
8. Sarana dan prasarana
9. Penanganan pengaduan, saran, dan masukan

Setiap unsur dinilai dengan skala **1 sampai 4**. Nilai semua responden diolah menjadi Indeks Kepuasan Masyarakat (IKM) dengan skala 25–100 dan mutu A (sangat baik), B (baik), C (kurang baik), atau D (tidak baik).

## Cara mengisi
- Kuesioner diberikan setelah Anda menerima layanan, misalnya melalui tautan setelah laporan Anda selesai, atau di kantor.
- Jawaban tidak memerlukan nama dan tidak memengaruhi layanan yang Anda terima.
- Untuk masalah yang perlu ditindaklanjuti, sampaikan [pengaduan](/submit/complaint); survei tidak ditanggapi satu per satu.`,
      },
      en: {
        slug: 'community-satisfaction-survey',
        title: 'Community Satisfaction Survey (SKM)',
        summary:
          'The Community Satisfaction Survey rates our service on nine elements, each scored from 1 to 4. Taking part is voluntary, short, and does not require your name.',
        body: `## Basis and purpose
The SKM is carried out under PermenPANRB 14/2017, at least once a year for every service unit. The results are used to improve the service and are published.

## The nine elements rated
1. Requirements
2. System, mechanism and procedure
3. Completion time
4. Fees/charges
5. Product specification by service type
6. Staff competence
7. Staff behaviour
8. Facilities and infrastructure
9. Handling of complaints, suggestions and feedback

Each element is scored on a scale of **1 to 4**. All respondents' scores are turned into the Community Satisfaction Index (IKM) on a 25–100 scale with a grade of A (very good), B (good), C (less than good) or D (not good).

## How to take part
- The questionnaire is offered after you receive a service, for example through a link once your report is resolved, or at the office.
- Your answers do not require your name and do not affect the service you receive.
- For a problem that needs follow-up, [make a complaint](/submit/complaint); survey answers are not replied to one by one.`,
      },
    },
  },
  {
    key: 'jam-layanan-kontak',
    category: 'kantor',
    tags: ['jam layanan', 'kontak', 'alamat', 'telepon', 'whatsapp'],
    related: ['permintaan-informasi'],
    translations: {
      id: {
        slug: 'jam-layanan-dan-kontak',
        title: 'Jam layanan dan saluran kontak',
        summary:
          'Kantor Imigrasi Kelas I Khusus TPI Surabaya melayani pada hari kerja, Senin–Jumat 08.00–16.00 WIB (jam contoh). Nomor telepon, WhatsApp, email, dan alamat kantor ada di halaman ini; semuanya data contoh untuk demo.',
        body: `**Catatan: jam, alamat, dan kontak di bawah ini adalah data contoh untuk demo, bukan data kantor yang sebenarnya.**

## Jam layanan (contoh)
- Senin–Jumat: 08.00–16.00 WIB (contoh)
- Sabtu, Minggu, dan hari libur nasional: tutup (contoh)

## Saluran kontak (contoh)
- Alamat: Jl. Contoh No. 1, Surabaya (alamat contoh)
- Telepon: +62 31 0000 0000 (contoh)
- WhatsApp: +62 811-0000-0000 (contoh)
- Email: informasi@example.go.id (contoh)
- Situs web: https://example.go.id (contoh)

## Di luar jam layanan
Pusat informasi dan Loket tersedia 24 jam:
- Cari jawaban di pusat informasi ini.
- Kirim [permintaan informasi](/submit/request) atau [pengaduan](/submit/complaint) kapan saja. Laporan diproses pada hari kerja berikutnya.

Petugas kami tidak pernah meminta pembayaran melalui telepon atau WhatsApp.`,
      },
      en: {
        slug: 'opening-hours-and-contacts',
        title: 'Opening hours and contact channels',
        summary:
          'The Surabaya Class I Special Immigration Office (TPI) serves on working days, Monday–Friday 08:00–16:00 WIB (example hours). The phone number, WhatsApp number, e-mail and address are on this page; all of them are example data for the demo.',
        body: `**Note: the hours, address and contacts below are example data for the demo, not the real office's data.**

## Opening hours (example)
- Monday–Friday: 08:00–16:00 WIB (example)
- Saturday, Sunday and public holidays: closed (example)

## Contact channels (example)
- Address: Jl. Contoh No. 1, Surabaya (example address)
- Phone: +62 31 0000 0000 (example)
- WhatsApp: +62 811-0000-0000 (example)
- E-mail: informasi@example.go.id (example)
- Website: https://example.go.id (example)

## Outside opening hours
The information center and Loket are available 24 hours a day:
- Look for answers in this information center.
- Send an [information request](/submit/request) or a [complaint](/submit/complaint) at any time. Reports are handled on the next working day.

Our officers never ask for payment by phone or WhatsApp.`,
      },
    },
  },
  {
    key: 'data-pribadi',
    category: 'kantor',
    tags: ['data pribadi', 'privasi', 'UU 27/2022', 'PDP'],
    related: ['pengaduan-cara', 'cek-status-laporan'],
    translations: {
      id: {
        slug: 'perlindungan-data-pribadi',
        title: 'Perlindungan data pribadi Anda di Loket',
        summary:
          'Saat Anda mengirim laporan atau pengaduan, Loket hanya menyimpan data yang diperlukan untuk menanganinya. Sesuai UU 27/2022, Anda berhak mengakses, memperbaiki, meminta salinan, dan meminta penghapusan data Anda.',
        body: `## Data yang kami simpan
- Isi laporan Anda dan lampiran yang Anda unggah.
- Nama dan kontak, **hanya jika Anda mengisinya**. Keduanya tidak wajib.
- Kode pelacakan laporan. Kunci akses disimpan dalam bentuk yang tidak dapat dibaca kembali, bahkan oleh petugas.
- Pertanyaan kepada asisten otomatis dicatat **tanpa data pribadi**, untuk mengetahui informasi apa yang masih kurang.

Catatan teknis sistem tidak memuat isi laporan, kunci akses, atau alamat IP Anda. Data hanya dipakai untuk menangani laporan dan disimpan selama diperlukan untuk itu.

## Hak Anda (UU 27/2022)
- Mendapat informasi tentang pemrosesan data Anda.
- Mengakses dan mendapatkan salinan data Anda.
- Memperbaiki data yang salah.
- Meminta penghapusan atau penghentian pemrosesan.
- Menarik persetujuan. Pemrosesan dihentikan paling lambat 3 × 24 jam.
- Mengajukan keberatan atas keputusan yang diambil hanya secara otomatis.
- Meminta pembatasan pemrosesan, ganti rugi, dan pemindahan data.

## Cara menggunakan hak Anda
Kirim [permintaan informasi](/submit/request) dan sebutkan kode pelacakan laporan yang Anda maksud. Jangan menulis NIK lengkap.

## Jika terjadi kebocoran data
Kami memberi tahu Anda dan lembaga yang berwenang secara tertulis paling lambat 3 × 24 jam: data apa yang terdampak, kapan dan bagaimana terjadi, serta langkah penanganannya.`,
      },
      en: {
        slug: 'personal-data-protection',
        title: 'Protection of your personal data in Loket',
        summary:
          'When you send a report or complaint, Loket keeps only the data needed to handle it. Under UU 27/2022 (the Personal Data Protection Law) you have the right to access, correct, get a copy of, and ask for erasure of your data.',
        body: `## Data we store
- The content of your report and the files you upload.
- Your name and contact details, **only if you fill them in**. Both are optional.
- The report's tracking code. The access key is stored in a form that cannot be read back, not even by officers.
- Questions to the automatic assistant are recorded **without personal data**, to learn which information is still missing.

The system's technical logs do not contain your report's content, your access key or your IP address. Data is used only to handle your report and is kept only as long as needed for that.

## Your rights (UU 27/2022)
- To be informed about how your data is processed.
- To access your data and get a copy.
- To correct wrong data.
- To ask for erasure or for processing to stop.
- To withdraw consent. Processing stops within 3 × 24 hours.
- To object to decisions made solely by automated means.
- To ask for restriction of processing, compensation and data portability.

## How to use your rights
Send an [information request](/submit/request) and mention the tracking code of the report concerned. Do not write your full NIK.

## If a data breach happens
We notify you and the competent authority in writing within 3 × 24 hours: which data is affected, when and how it happened, and what we are doing about it.`,
      },
    },
  },
];
