import type { SeedArticle } from './types.js';

/** Foreign nationals: stay permits, overstay, visas, and reports about foreigners. General facts only. */
export const FOREIGNER_ARTICLES: SeedArticle[] = [
  {
    key: 'izin-tinggal-itas-itap',
    category: 'orang-asing',
    tags: ['izin tinggal', 'ITAS', 'ITAP', 'perpanjangan', 'penjamin'],
    related: ['overstay', 'evisa'],
    translations: {
      id: {
        slug: 'perpanjangan-itas-dan-itap',
        title: 'Izin tinggal terbatas (ITAS) dan izin tinggal tetap (ITAP): dasar perpanjangan',
        summary:
          'Ajukan perpanjangan ITAS sebelum izin tinggal Anda berakhir, dengan paspor yang masih berlaku dan dukungan penjamin. Persyaratan rinci bergantung pada jenis izin tinggal, jadi pastikan ke kantor imigrasi.',
        body: `## Apa itu ITAS dan ITAP
- **ITAS (izin tinggal terbatas)**: izin bagi warga negara asing untuk tinggal di Indonesia dalam jangka waktu terbatas, misalnya untuk bekerja (tenaga kerja asing), menyatukan keluarga, atau belajar.
- **ITAP (izin tinggal tetap)**: izin tinggal untuk jangka waktu yang lebih panjang bagi warga negara asing yang memenuhi syarat tertentu.

## Dasar perpanjangan ITAS
1. **Ajukan sebelum izin tinggal berakhir.** Jangan menunggu hari-hari terakhir.
2. Siapkan **paspor** yang masih berlaku, **izin tinggal** yang sedang dipegang, dan dokumen dari **penjamin** (sponsor), misalnya perusahaan atau keluarga.
3. Permohonan umumnya diajukan secara daring. Periksa layanan resmi di [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id) atau tanyakan kepada kantor.
4. Kantor dapat meminta Anda datang untuk foto, sidik jari, atau wawancara.

## Perlu diketahui
- Persyaratan, biaya, dan lama proses bergantung pada jenis izin tinggal. Pastikan ke kantor imigrasi sebelum mengajukan; jangan mengandalkan informasi dari pihak tidak resmi.
- Jika permohonan Anda tertahan dan izin tinggal hampir berakhir, kirim [permintaan informasi](/submit/request) dengan nomor permohonan Anda.`,
      },
      en: {
        slug: 'itas-and-itap-extension',
        title: 'Limited stay permit (ITAS) and permanent stay permit (ITAP): extension basics',
        summary:
          "Apply to extend your ITAS before your stay permit expires, with a valid passport and your sponsor's support. The detailed requirements depend on the type of stay permit, so confirm them with the immigration office.",
        body: `## What ITAS and ITAP are
- **ITAS (limited stay permit)**: a permit for a foreign national to stay in Indonesia for a limited period, for example to work (foreign workers), join family or study.
- **ITAP (permanent stay permit)**: a stay permit for a longer period for foreign nationals who meet certain conditions.

## ITAS extension basics
1. **Apply before your stay permit expires.** Do not wait until the last days.
2. Prepare a valid **passport**, your current **stay permit**, and documents from your **sponsor** (guarantor), for example your company or family.
3. Applications are usually made online. Check the official service at [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id) or ask the office.
4. The office may ask you to come for a photo, fingerprints or an interview.

## Good to know
- Requirements, fees and processing times depend on the type of stay permit. Confirm with the immigration office before applying; do not rely on unofficial sources.
- If your application is stuck and your stay permit is about to expire, send an [information request](/submit/request) with your application number.`,
      },
    },
  },
  {
    key: 'overstay',
    category: 'orang-asing',
    tags: ['overstay', 'izin tinggal', 'deportasi'],
    related: ['izin-tinggal-itas-itap', 'visa-on-arrival'],
    translations: {
      id: {
        slug: 'melebihi-izin-tinggal-overstay',
        title: 'Melebihi izin tinggal (overstay)',
        summary:
          'Overstay berarti tinggal di Indonesia melewati masa yang diizinkan oleh visa atau izin tinggal Anda. Sanksinya: Anda dikenai biaya beban untuk setiap hari kelebihan, dan overstay yang lama dapat berujung pada deportasi dan penangkalan. Segera datang ke kantor imigrasi.',
        body: `## Sanksi overstay
- Warga negara asing yang tinggal melewati masa izin tinggalnya dikenai **biaya beban** untuk setiap hari kelebihan, sesuai peraturan yang berlaku.
- Overstay yang lama dapat berujung pada **deportasi** dan pencantuman dalam **daftar penangkalan** (larangan masuk ke Indonesia).

## Yang sebaiknya dilakukan
1. **Jangan menunggu.** Datang ke kantor imigrasi sesegera mungkin, atau selesaikan di bandara sebelum berangkat jika petugas mengizinkan.
2. Bawa paspor dan dokumen izin tinggal Anda.
3. Jelaskan alasan keterlambatan, misalnya sakit atau keadaan darurat, dan bawa buktinya.

## Cara mencegahnya
- Catat tanggal berakhirnya izin tinggal Anda.
- Ajukan perpanjangan sebelum izin tinggal berakhir, jika jenis izin Anda dapat diperpanjang.

Besaran biaya beban dan tindakan yang diambil bergantung pada keadaan Anda. Pastikan ke kantor imigrasi.`,
      },
      en: {
        slug: 'overstaying-your-permit',
        title: 'Overstaying your permit (overstay)',
        summary:
          'Overstay means staying in Indonesia beyond the date allowed by your visa or stay permit. The penalty: you pay a charge for every day over, and a long overstay can lead to deportation and an entry ban. Go to the immigration office as soon as possible.',
        body: `## Penalties for overstaying
- A foreign national who stays beyond their permitted stay pays an **overstay charge** for every extra day, according to the regulations in force.
- A long overstay can lead to **deportation** and being placed on the **deterrence list** (an entry ban for Indonesia).

## What to do
1. **Do not wait.** Go to the immigration office as soon as possible, or settle it at the airport before departure if the officers allow it.
2. Bring your passport and your stay permit documents.
3. Explain the reason for the delay, for example illness or an emergency, and bring proof.

## How to prevent it
- Note the expiry date of your stay permit.
- Apply for an extension before your permit expires, if your type of permit can be extended.

The amount of the charge and the measures taken depend on your situation. Confirm with the immigration office.`,
      },
    },
  },
  {
    key: 'visa-on-arrival',
    category: 'orang-asing',
    tags: ['visa', 'VoA', 'visa on arrival', 'kunjungan'],
    related: ['evisa', 'overstay'],
    translations: {
      id: {
        slug: 'visa-kunjungan-saat-kedatangan',
        title: 'Visa kunjungan saat kedatangan (Visa on Arrival, VoA)',
        summary:
          'Visa on Arrival (VoA) adalah visa kunjungan untuk warga negara tertentu, yang diperoleh saat tiba di tempat pemeriksaan imigrasi yang ditentukan atau diajukan secara elektronik (e-VoA) sebelum berangkat di evisa.imigrasi.go.id.',
        body: `## Siapa yang dapat memakai VoA
VoA hanya berlaku bagi warga negara dari negara tertentu dan untuk tujuan kunjungan, misalnya wisata atau pertemuan bisnis. Daftar negara dan tujuannya dapat berubah. Periksa di situs resmi [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id).

## Cara mendapatkan
- **e-VoA**: ajukan dan bayar secara daring di [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id) sebelum berangkat.
- **VoA di tempat kedatangan**: di tempat pemeriksaan imigrasi yang melayani VoA.

## Perpanjangan
VoA dapat diperpanjang satu kali, sebelum masa tinggalnya berakhir. Periksa caranya di situs resmi atau tanyakan kepada kantor imigrasi.

## Perlu diketahui
- VoA tidak dapat dipakai untuk bekerja.
- Gunakan hanya situs resmi. Situs tidak resmi dapat memungut biaya tambahan atau menyalahgunakan data Anda.`,
      },
      en: {
        slug: 'visa-on-arrival',
        title: 'Visit visa on arrival (Visa on Arrival, VoA)',
        summary:
          'The Visa on Arrival (VoA) is a visit visa for citizens of certain countries, obtained on arrival at designated immigration checkpoints or applied for electronically (e-VoA) before departure at evisa.imigrasi.go.id.',
        body: `## Who can use a VoA
A VoA is only for citizens of certain countries and for visit purposes, for example tourism or business meetings. The list of countries and purposes can change. Check the official site [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id).

## How to get one
- **e-VoA**: apply and pay online at [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id) before departure.
- **VoA on arrival**: at the immigration checkpoints that offer it.

## Extension
A VoA can be extended once, before the permitted stay ends. Check how on the official site or ask the immigration office.

## Good to know
- A VoA cannot be used to work.
- Use only the official site. Unofficial sites may charge extra or misuse your data.`,
      },
    },
  },
  {
    key: 'evisa',
    category: 'orang-asing',
    tags: ['visa', 'e-Visa', 'permohonan visa'],
    related: ['visa-on-arrival', 'izin-tinggal-itas-itap'],
    translations: {
      id: {
        slug: 'permohonan-e-visa',
        title: 'Permohonan e-Visa Indonesia',
        summary:
          'Visa Indonesia diajukan secara daring melalui situs resmi evisa.imigrasi.go.id: pilih jenis visa, unggah dokumen, bayar, dan terima e-Visa melalui email.',
        body: `## Langkah umum
1. Buka situs resmi [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id).
2. Pilih **jenis visa** sesuai tujuan Anda, misalnya kunjungan atau tinggal terbatas.
3. Isi data dan **unggah dokumen** yang diminta, misalnya paspor dan dokumen dari penjamin jika diperlukan.
4. **Bayar** biaya visa melalui sistem pembayaran di situs itu.
5. Terima **e-Visa** melalui email. Simpan dan bawa saat bepergian.

## Perlu diketahui
- Jenis visa, persyaratan, dan biayanya tercantum di situs resmi dan dapat berubah.
- Untuk visa yang memerlukan penjamin, penjamin (perusahaan atau keluarga di Indonesia) dapat mengajukan untuk Anda.
- Jika permohonan Anda tertahan, kirim [permintaan informasi](/submit/request) dengan nomor permohonan.

Kantor imigrasi tidak menerima pembayaran visa secara tunai atau melalui rekening pribadi.`,
      },
      en: {
        slug: 'indonesian-e-visa-application',
        title: 'Applying for an Indonesian e-Visa',
        summary:
          'Indonesian visas are applied for online through the official site evisa.imigrasi.go.id: choose the visa type, upload documents, pay, and receive the e-Visa by e-mail.',
        body: `## General steps
1. Open the official site [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id).
2. Choose the **visa type** that fits your purpose, for example a visit or a limited stay.
3. Fill in your data and **upload the documents** asked for, for example your passport and, where needed, documents from your sponsor.
4. **Pay** the visa fee through the site's payment system.
5. Receive the **e-Visa** by e-mail. Keep it and carry it when you travel.

## Good to know
- Visa types, requirements and fees are listed on the official site and can change.
- For visas that need a sponsor, the sponsor (a company or family in Indonesia) can apply for you.
- If your application is stuck, send an [information request](/submit/request) with your application number.

The immigration office does not accept visa payments in cash or into personal accounts.`,
      },
    },
  },
  {
    key: 'laporan-wna',
    category: 'orang-asing',
    tags: ['pengawasan', 'laporan WNA', 'orang asing', 'deportasi'],
    related: ['lapor-pungli-calo', 'overstay'],
    translations: {
      id: {
        slug: 'melaporkan-keberadaan-atau-kegiatan-orang-asing',
        title: 'Melaporkan keberadaan atau kegiatan warga negara asing',
        summary:
          'Jika Anda menduga warga negara asing melanggar izin tinggalnya, misalnya bekerja tanpa izin atau tinggal melewati masa izin, laporkan melalui pengaduan di Loket dengan memilih layanan pengawasan keimigrasian. Anda boleh melapor secara anonim.',
        body: `## Contoh yang dapat dilaporkan
- Warga negara asing bekerja padahal izinnya hanya untuk kunjungan.
- Tinggal melewati masa izin tinggal.
- Kegiatan yang tidak sesuai dengan izin tinggalnya.

## Langkah
1. Buka [Sampaikan pengaduan](/submit/complaint).
2. Pilih layanan **Pengawasan dan Penindakan Keimigrasian**.
3. Jelaskan **siapa** (nama atau ciri-ciri, kewarganegaraan jika diketahui), **di mana**, **sejak kapan**, dan **apa** kegiatannya.
4. Pilih **anonim** dan **rahasia** jika Anda tidak ingin identitas Anda diketahui.
5. Simpan kode pelacakan dan kunci akses.

## Yang terjadi kemudian
Petugas memeriksa laporan Anda. Jika terbukti ada pelanggaran, tindakan dapat berupa deportasi dan pencantuman dalam daftar penangkalan, misalnya atas penyalahgunaan izin tinggal (Pasal 122 huruf a UU 6/2011). Berita penindakan diumumkan hanya dengan **inisial dan kewarganegaraan** orang yang bersangkutan. Sepanjang 2024, kantor ini mendeportasi 44 warga negara asing.

Jangan mengambil tindakan sendiri terhadap orang yang Anda laporkan.`,
      },
      en: {
        slug: 'reporting-foreign-nationals',
        title: 'Reporting the presence or activities of foreign nationals',
        summary:
          'If you suspect a foreign national is breaking the terms of their stay permit, for example working without a permit or overstaying, report it through a complaint in Loket and choose the immigration supervision service. You may report anonymously.',
        body: `## Examples you can report
- A foreign national working while their permit only allows a visit.
- Staying beyond the permitted stay.
- Activities that do not match their stay permit.

## Steps
1. Open [Make a complaint](/submit/complaint).
2. Choose the service **Immigration supervision and enforcement**.
3. Describe **who** (name or description, nationality if known), **where**, **since when** and **what** they do.
4. Choose **anonymous** and **confidential** if you do not want your identity known.
5. Save the tracking code and access key.

## What happens next
Officers examine your report. If a violation is proven, measures can include deportation and entry on the deterrence list, for example for misuse of a stay permit (Article 122 letter a of UU 6/2011, the Immigration Law). Enforcement news is published with the person's **initials and nationality** only. In 2024 this office deported 44 foreign nationals.

Do not take action yourself against the person you report.`,
      },
    },
  },
];
