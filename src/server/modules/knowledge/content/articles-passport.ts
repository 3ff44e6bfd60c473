import type { SeedArticle } from './types.js';

/** Passports: types, requirements, renewal, lost and damaged passports, processing time, status. */
export const PASSPORT_ARTICLES: SeedArticle[] = [
  {
    key: 'paspor-jenis',
    category: 'paspor',
    tags: ['paspor', 'e-paspor', 'masa berlaku', 'biaya'],
    related: ['paspor-syarat-dewasa', 'paspor-alur-waktu', 'mpaspor-daftar'],
    translations: {
      id: {
        slug: 'jenis-paspor-biasa-dan-elektronik',
        title: 'Jenis paspor: apa beda paspor biasa dan paspor elektronik',
        summary:
          'Kantor ini menerbitkan paspor biasa non-elektronik dan paspor elektronik (e-paspor), masing-masing dengan masa berlaku paling lama 5 atau 10 tahun. Biayanya bergantung pada jenis dan masa berlaku.',
        body: `## Dua jenis paspor
- **Paspor biasa non-elektronik**: buku paspor tanpa cip.
- **Paspor elektronik (e-paspor)**: buku paspor dengan cip yang menyimpan data diri dan foto Anda.

Keduanya sah untuk bepergian ke luar negeri. Persyaratan dan tahapan permohonannya sama.

## Masa berlaku dan biaya
Biaya mengikuti PP 45/2024 yang berlaku sejak 17 Desember 2024:
- Paspor biasa non-elektronik, paling lama 5 tahun: {{fee:PASPOR_BIASA_5TH}}
- Paspor biasa non-elektronik, paling lama 10 tahun: {{fee:PASPOR_BIASA_10TH}}
- Paspor elektronik, paling lama 5 tahun: {{fee:EPASPOR_5TH}}
- Paspor elektronik, paling lama 10 tahun: {{fee:EPASPOR_10TH}}

Masa berlaku yang dapat Anda peroleh mengikuti ketentuan yang berlaku bagi pemohon. Jika ragu, tanyakan kepada petugas sebelum membayar.

## Mana yang dipilih?
- Pilih **paspor elektronik** jika negara tujuan Anda memberi kemudahan bagi pemegang e-paspor. Periksa ketentuan negara tujuan sebelum memilih.
- Pilih masa berlaku yang lebih panjang jika Anda sering bepergian, agar tidak cepat mengganti paspor.

Semua biaya dibayar hanya melalui kode billing resmi. Petugas tidak pernah meminta uang tunai.`,
      },
      en: {
        slug: 'passport-types-ordinary-and-electronic',
        title: 'Passport types: the difference between ordinary and electronic passports',
        summary:
          'This office issues ordinary non-electronic passports and electronic passports (e-passports), each valid for up to 5 or 10 years. The fee depends on the type and the validity.',
        body: `## Two passport types
- **Ordinary (regular) non-electronic passport**: a passport book without a chip.
- **Electronic passport (e-passport)**: a passport book with a chip that stores your personal data and photo.

Both are valid for travel abroad. The requirements and the application steps are the same.

## Validity and fees
Fees follow PP 45/2024, in force since 17 December 2024:
- Ordinary non-electronic passport, up to 5 years: {{fee:PASPOR_BIASA_5TH}}
- Ordinary non-electronic passport, up to 10 years: {{fee:PASPOR_BIASA_10TH}}
- Electronic passport, up to 5 years: {{fee:EPASPOR_5TH}}
- Electronic passport, up to 10 years: {{fee:EPASPOR_10TH}}

The validity you can receive follows the rules that apply to the applicant. If in doubt, ask an officer before you pay.

## Which one to choose?
- Choose the **electronic passport** if your destination country offers facilities to e-passport holders. Check the destination country's rules before you choose.
- Choose the longer validity if you travel often, so you do not need to replace your passport soon.

All fees are paid only through the official billing code. Officers never ask for cash.`,
      },
    },
  },
  {
    key: 'paspor-syarat-dewasa',
    category: 'paspor',
    tags: ['paspor', 'persyaratan', 'dewasa', 'dokumen'],
    related: ['paspor-syarat-anak', 'mpaspor-daftar', 'paspor-perpanjangan'],
    translations: {
      id: {
        slug: 'persyaratan-paspor-dewasa',
        title: 'Persyaratan membuat paspor baru untuk dewasa',
        summary:
          'Siapkan e-KTP, Kartu Keluarga, dan salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis. Bawa juga paspor lama jika Anda pernah memilikinya.',
        body: `## Dokumen yang disiapkan
1. **e-KTP** yang masih berlaku, atau surat keterangan pindah ke luar negeri.
2. **Kartu Keluarga**.
3. **Salah satu** dokumen berikut: akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis.
4. **Surat keputusan pewarganegaraan**, jika Anda menjadi warga negara Indonesia melalui pewarganegaraan.
5. **Penetapan pengadilan** tentang perubahan nama, jika nama Anda pernah berubah.
6. **Paspor lama**, jika Anda pernah memiliki paspor.

## Cara mengajukan
1. Daftar antrean di aplikasi **M-Paspor** dan unggah dokumen di atas.
2. Bayar dengan kode billing paling lambat 2 jam setelah kode diterbitkan.
3. Datang ke kantor pada tanggal yang Anda pilih dengan membawa dokumen asli.
4. Ikuti pemeriksaan berkas, foto dan sidik jari, serta wawancara.

## Tips
- Pastikan nama, tanggal lahir, dan tempat lahir sama di semua dokumen. Jika berbeda, petugas dapat meminta Anda menyamakan data lebih dulu.
- Permohonan tidak dapat diwakilkan: foto, sidik jari, dan wawancara harus dilakukan oleh pemohon sendiri.`,
      },
      en: {
        slug: 'passport-requirements-adults',
        title: 'Documents needed for a new passport (adults)',
        summary:
          'Prepare your e-KTP, Kartu Keluarga (family card) and one of: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter. Also bring your old passport if you ever had one.',
        body: `## Documents to prepare
1. A valid **e-KTP** (electronic identity card), or a letter of moving abroad.
2. **Kartu Keluarga** (family card).
3. **One** of the following: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter.
4. **Naturalisation decree**, if you became an Indonesian citizen through naturalisation.
5. **Court decree** on a change of name, if your name has ever changed.
6. **Old passport**, if you ever had a passport.

## How to apply
1. Book a queue slot in the **M-Paspor** app and upload the documents above.
2. Pay with the billing code within 2 hours of its issue.
3. Come to the office on the date you chose, bringing the original documents.
4. Go through the document check, photo and fingerprints, and the interview.

## Tips
- Make sure your name, date of birth and place of birth are the same on every document. If they differ, the officer may ask you to correct your data first.
- Nobody can apply on your behalf: the photo, fingerprints and interview must be done by the applicant in person.`,
      },
    },
  },
  {
    key: 'paspor-syarat-anak',
    category: 'paspor',
    tags: ['paspor', 'anak', 'persyaratan', 'orang tua'],
    related: ['paspor-anak-tanpa-orang-tua', 'paspor-syarat-dewasa', 'layanan-tanpa-antrean'],
    translations: {
      id: {
        slug: 'persyaratan-paspor-anak',
        title: 'Persyaratan membuat paspor untuk anak di bawah 17 tahun',
        summary:
          'Untuk membuat paspor anak yang berusia di bawah 17 tahun, siapkan e-KTP salah satu orang tua, Kartu Keluarga, akta kelahiran anak, dan akta perkawinan atau buku nikah orang tua. Kedua orang tua hadir (atau memberi surat kuasa) dan membawa paspor mereka.',
        body: `## Dokumen yang disiapkan
1. **e-KTP** ayah atau ibu.
2. **Kartu Keluarga**.
3. **Akta kelahiran** anak.
4. **Akta perkawinan atau buku nikah** orang tua.
5. **Penetapan pengadilan** tentang perubahan nama anak, jika ada.
6. **Paspor lama** anak, jika anak pernah memiliki paspor.
7. **Paspor ayah dan ibu**, jika orang tua memiliki paspor.

## Siapa yang harus datang
- Anak yang dimohonkan paspornya harus hadir untuk foto, sidik jari, dan wawancara.
- **Kedua orang tua hadir**. Jika salah satu tidak dapat hadir, bawa surat kuasa darinya.

## Cara mengajukan
1. Daftar antrean anak di aplikasi **M-Paspor** dan unggah dokumen di atas.
2. Bayar dengan kode billing paling lambat 2 jam setelah kode diterbitkan.
3. Datang ke kantor pada tanggal yang dipilih dengan membawa dokumen asli.

Anak di bawah 5 tahun boleh datang tanpa mendaftar di M-Paspor, selama kuota harian masih tersedia.

Jika anak akan bepergian tanpa orang tua, ada dokumen tambahan. Lihat artikel tentang anak yang bepergian tanpa orang tua.`,
      },
      en: {
        slug: 'passport-requirements-children',
        title: 'Requirements to get a passport for a child under 17',
        summary:
          "For a child under 17, prepare one parent's e-KTP, the Kartu Keluarga (family card), the child's birth certificate, and the parents' marriage certificate or marriage book. Both parents attend (or give a power of attorney) and bring their passports.",
        body: `## Documents to prepare
1. The father's or mother's **e-KTP** (electronic identity card).
2. **Kartu Keluarga** (family card).
3. The child's **birth certificate**.
4. The parents' **marriage certificate or marriage book**.
5. **Court decree** on a change of the child's name, if any.
6. The child's **old passport**, if the child ever had one.
7. **The father's and mother's passports**, if the parents have them.

## Who must come
- The child must attend for the photo, fingerprints and interview.
- **Both parents attend.** If one of them cannot come, bring a power of attorney from that parent.

## How to apply
1. Book a queue slot for the child in the **M-Paspor** app and upload the documents above.
2. Pay with the billing code within 2 hours of its issue.
3. Come to the office on the chosen date, bringing the original documents.

Children under 5 may come without booking in M-Paspor, as long as the daily quota is not used up.

If the child will travel without the parents, extra documents are needed. See the article on a child travelling without parents.`,
      },
    },
  },
  {
    key: 'paspor-anak-tanpa-orang-tua',
    category: 'paspor',
    tags: ['paspor', 'anak', 'pendamping', 'surat pernyataan'],
    related: ['paspor-syarat-anak'],
    translations: {
      id: {
        slug: 'paspor-anak-bepergian-tanpa-orang-tua',
        title: 'Paspor untuk anak yang bepergian tanpa orang tua',
        summary:
          'Jika anak akan bepergian ke luar negeri tanpa ayah dan ibu, tambahkan e-KTP dan paspor orang yang mendampingi anak, serta surat pernyataan orang tua yang bermeterai.',
        body: `Contohnya anak yang bepergian bersama kakek dan nenek, kerabat, atau rombongan sekolah bersama guru (misalnya study tour).

## Dokumen tambahan
Selain persyaratan paspor anak, siapkan:
1. **e-KTP** orang yang mendampingi anak.
2. **Paspor** orang yang mendampingi anak.
3. **Surat pernyataan orang tua bermeterai** yang menyatakan anak bepergian bersama pendamping tersebut.

## Tips
- Tulis nama pendamping di surat pernyataan sama persis dengan e-KTP dan paspornya.
- Negara tujuan dan maskapai dapat meminta dokumen lain untuk anak yang bepergian tanpa orang tua. Periksa ketentuannya sebelum berangkat.`,
      },
      en: {
        slug: 'passport-child-travelling-without-parents',
        title: 'Passport for a child travelling without parents',
        summary:
          "If a child will travel abroad without the father and mother, add the e-KTP and passport of the person accompanying the child, and the parents' statement on duty stamp (meterai).",
        body: `For example, a child travelling with grandparents, relatives or a school group with teachers (such as a study tour).

## Extra documents
In addition to the requirements for a child's passport, prepare:
1. The **e-KTP** of the person accompanying the child.
2. The **passport** of the person accompanying the child.
3. **A statement from the parents on duty stamp (meterai)** declaring that the child travels with that companion.

## Tips
- Write the companion's name in the statement exactly as on their e-KTP and passport.
- The destination country and the airline may ask for other documents for a child travelling without parents. Check their rules before departure.`,
      },
    },
  },
  {
    key: 'paspor-ganti-nama',
    category: 'paspor',
    tags: ['paspor', 'ganti nama', 'perubahan nama', 'penetapan pengadilan'],
    related: ['paspor-syarat-dewasa'],
    translations: {
      id: {
        slug: 'perubahan-nama-di-paspor',
        title: 'Perubahan nama di paspor',
        summary:
          'Nama di paspor hanya dapat diubah berdasarkan penetapan pengadilan. Ajukan paspor baru dengan membawa penetapan pengadilan itu, paspor lama, dan persyaratan paspor lainnya.',
        body: `## Kapan ini berlaku
Jika nama Anda sudah diubah secara resmi dan Anda ingin paspor memakai nama baru.

## Langkah
1. Dapatkan **penetapan pengadilan** tentang perubahan nama.
2. Pastikan nama baru sudah tercatat di **e-KTP** dan **Kartu Keluarga**. Jika belum, perbarui lebih dulu di Dinas Kependudukan dan Pencatatan Sipil (Dukcapil).
3. Daftar antrean di aplikasi **M-Paspor**.
4. Bawa penetapan pengadilan, paspor lama, dan persyaratan paspor dewasa (atau persyaratan paspor anak untuk anak di bawah 17 tahun).

## Perlu diketahui
- Biaya yang dibayar adalah biaya paspor sesuai jenis dan masa berlaku yang Anda pilih.
- Jika tiket atau visa Anda masih memakai nama lama, tanyakan kepada maskapai atau kedutaan negara tujuan sebelum mengganti paspor.`,
      },
      en: {
        slug: 'name-change-in-passport',
        title: 'Changing the name in your passport',
        summary:
          'The name in a passport can only be changed on the basis of a court decree. Apply for a new passport with that court decree, your old passport and the other passport requirements.',
        body: `## When this applies
When your name has been changed officially and you want your passport to show the new name.

## Steps
1. Obtain a **court decree** on the change of name.
2. Make sure the new name is recorded on your **e-KTP** and **Kartu Keluarga** (family card). If not, update them first at the civil registry office (Dinas Kependudukan dan Pencatatan Sipil, Dukcapil).
3. Book a queue slot in the **M-Paspor** app.
4. Bring the court decree, your old passport and the adult passport requirements (or the child passport requirements for a child under 17).

## Good to know
- The fee is the passport fee for the type and validity you choose.
- If your ticket or visa still shows the old name, ask the airline or the destination country's embassy before replacing your passport.`,
      },
    },
  },
  {
    key: 'paspor-perpanjangan',
    category: 'paspor',
    tags: ['paspor', 'perpanjangan', 'habis masa berlaku', 'penggantian'],
    related: ['paspor-syarat-dewasa'],
    translations: {
      id: {
        slug: 'perpanjangan-paspor',
        title: 'Perpanjangan paspor (mengganti paspor yang habis masa berlakunya)',
        summary:
          'Paspor tidak diperpanjang dengan cap, tetapi diganti dengan paspor baru. Persyaratannya sama dengan paspor baru, ditambah paspor lama Anda.',
        body: `Yang sehari-hari disebut "perpanjangan paspor" sebenarnya adalah penggantian: Anda menerima buku paspor baru dengan masa berlaku baru.

## Persyaratan
1. e-KTP yang masih berlaku.
2. Kartu Keluarga.
3. Salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis.
4. **Paspor lama**.
5. Penetapan pengadilan, jika nama Anda berubah sejak paspor lama diterbitkan.

## Langkah
1. Daftar antrean di aplikasi **M-Paspor** dan unggah dokumen.
2. Bayar dengan kode billing paling lambat 2 jam setelah kode diterbitkan.
3. Datang pada tanggal yang dipilih untuk pemeriksaan berkas, foto, sidik jari, dan wawancara.

## Biaya
Biayanya sama dengan paspor baru, sesuai jenis dan masa berlaku:
- Paspor biasa non-elektronik: {{fee:PASPOR_BIASA_5TH}} (5 tahun) atau {{fee:PASPOR_BIASA_10TH}} (10 tahun).
- Paspor elektronik: {{fee:EPASPOR_5TH}} (5 tahun) atau {{fee:EPASPOR_10TH}} (10 tahun).

## Kapan sebaiknya mengganti
Jangan menunggu sampai paspor habis. Banyak negara mensyaratkan sisa masa berlaku tertentu saat Anda masuk, dan kuota antrean bisa penuh beberapa minggu.`,
      },
      en: {
        slug: 'passport-renewal',
        title: 'Passport renewal (replacing an expiring passport)',
        summary:
          'A passport is not extended with a stamp; it is replaced by a new passport. The requirements are the same as for a new passport, plus your old passport.',
        body: `What people call "renewing a passport" is in fact a replacement: you receive a new passport book with a new validity.

## Requirements
1. A valid e-KTP (electronic identity card).
2. Kartu Keluarga (family card).
3. One of: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter.
4. **Your old passport**.
5. A court decree, if your name has changed since the old passport was issued.

## Steps
1. Book a queue slot in the **M-Paspor** app and upload the documents.
2. Pay with the billing code within 2 hours of its issue.
3. Come on the chosen date for the document check, photo, fingerprints and interview.

## Fees
The fee is the same as for a new passport, by type and validity:
- Ordinary non-electronic passport: {{fee:PASPOR_BIASA_5TH}} (5 years) or {{fee:PASPOR_BIASA_10TH}} (10 years).
- Electronic passport: {{fee:EPASPOR_5TH}} (5 years) or {{fee:EPASPOR_10TH}} (10 years).

## When to replace it
Do not wait until the passport expires. Many countries require a certain remaining validity when you enter, and the booking quota can be full for weeks.`,
      },
    },
  },
  {
    key: 'paspor-hilang',
    category: 'paspor',
    tags: ['paspor', 'hilang', 'penggantian', 'surat kehilangan'],
    related: ['paspor-rusak'],
    translations: {
      id: {
        slug: 'paspor-hilang',
        title: 'Paspor hilang: apa yang harus dilakukan',
        summary:
          'Laporkan kehilangan ke kepolisian untuk mendapatkan surat keterangan hilang, lalu ajukan penggantian paspor di kantor imigrasi dengan surat itu dan persyaratan paspor lainnya.',
        body: `## Langkah
1. **Laporkan ke kepolisian** dan minta surat keterangan kehilangan.
2. Siapkan persyaratan paspor: e-KTP, Kartu Keluarga, dan salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis.
3. Daftar antrean di aplikasi **M-Paspor**. Jika Anda ragu cara mendaftar untuk penggantian paspor hilang, kirim [permintaan informasi](/submit/request) sebelum datang.
4. Di kantor, petugas akan memeriksa dan mewawancarai Anda tentang bagaimana paspor hilang.
5. Jika permohonan disetujui, paspor baru dicetak dan dapat diambil.

## Biaya
Biaya penggantian paspor yang hilang adalah {{fee:GANTI_HILANG}}. Angka ini masih perlu dikonfirmasi ke kantor, termasuk apakah biaya paspor baru dibayar terpisah. Semua biaya dibayar hanya melalui kode billing resmi.

## Perlu diketahui
- Karena ada pemeriksaan, prosesnya dapat lebih lama daripada permohonan biasa.
- Jika paspor lama ditemukan kembali setelah Anda melapor, jangan dipakai untuk bepergian. Bawa ke kantor imigrasi dan sampaikan kepada petugas.
- Jika paspor hilang di luar negeri, hubungi Perwakilan Republik Indonesia (KBRI atau KJRI) terdekat.`,
      },
      en: {
        slug: 'lost-passport',
        title: 'Lost passport: what to do',
        summary:
          'Report the loss to the police to get a loss report letter, then apply for a replacement passport at the immigration office with that letter and the other passport requirements.',
        body: `## Steps
1. **Report it to the police** and ask for a loss report letter.
2. Prepare the passport requirements: e-KTP, Kartu Keluarga (family card), and one of: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter.
3. Book a queue slot in the **M-Paspor** app. If you are not sure how to book for a lost passport replacement, send an [information request](/submit/request) before you come.
4. At the office, an officer will examine and interview you about how the passport was lost.
5. If the application is approved, the new passport is printed and can be collected.

## Fee
The fee for replacing a lost passport is {{fee:GANTI_HILANG}}. This figure is still to be confirmed by the office, including whether the new passport's fee is paid separately. All fees are paid only through the official billing code.

## Good to know
- Because of the examination, the process can take longer than an ordinary application.
- If you find the old passport after reporting it lost, do not travel with it. Bring it to the immigration office and tell an officer.
- If your passport is lost abroad, contact the nearest Indonesian mission (embassy or consulate, KBRI or KJRI).`,
      },
    },
  },
  {
    key: 'paspor-rusak',
    category: 'paspor',
    tags: ['paspor', 'rusak', 'penggantian'],
    related: ['paspor-hilang', 'paspor-perpanjangan'],
    translations: {
      id: {
        slug: 'paspor-rusak',
        title: 'Paspor rusak: cara menggantinya',
        summary:
          'Paspor yang rusak, misalnya sobek, basah, atau halamannya lepas, harus diganti. Bawa paspor yang rusak bersama persyaratan paspor lainnya ke kantor imigrasi.',
        body: `## Kapan paspor dianggap rusak
Contohnya: halaman data sobek atau tidak terbaca, paspor terkena air, halaman lepas atau hilang, atau sampul dan cip rusak.

## Apakah masih bisa dipakai?
Jangan mengandalkannya. Paspor yang rusak, walaupun hanya sedikit, dapat ditolak saat pemeriksaan di bandara atau di negara tujuan. Ganti sebelum bepergian.

## Langkah
1. Siapkan **paspor yang rusak** dan persyaratan paspor: e-KTP, Kartu Keluarga, dan salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis.
2. Daftar antrean di aplikasi **M-Paspor**.
3. Di kantor, petugas memeriksa paspor yang rusak dan mewawancarai Anda tentang penyebab kerusakannya.
4. Jika disetujui, paspor baru dicetak dan dapat diambil.

## Biaya
Biaya penggantian paspor yang rusak adalah {{fee:GANTI_RUSAK}}. Angka ini masih perlu dikonfirmasi ke kantor, termasuk apakah biaya paspor baru dibayar terpisah. Semua biaya dibayar hanya melalui kode billing resmi.

Jika paspor Anda hanya penuh atau masa berlakunya hampir habis, itu bukan paspor rusak. Lihat artikel tentang perpanjangan paspor.`,
      },
      en: {
        slug: 'damaged-passport',
        title: 'Damaged passport: how to replace it',
        summary:
          'A damaged passport, for example torn, wet or with loose pages, must be replaced. Bring the damaged passport with the other passport requirements to the immigration office.',
        body: `## When a passport counts as damaged
For example: the data page is torn or unreadable, the passport got wet, pages are loose or missing, or the cover or chip is broken.

## Can I still use it?
Do not rely on it. A damaged passport, even slightly damaged, may be refused at airport checks or by the destination country. Replace it before you travel.

## Steps
1. Prepare **the damaged passport** and the passport requirements: e-KTP, Kartu Keluarga (family card), and one of: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter.
2. Book a queue slot in the **M-Paspor** app.
3. At the office, an officer examines the damaged passport and interviews you about the cause of the damage.
4. If approved, the new passport is printed and can be collected.

## Fee
The fee for replacing a damaged passport is {{fee:GANTI_RUSAK}}. This figure is still to be confirmed by the office, including whether the new passport's fee is paid separately. All fees are paid only through the official billing code.

If your passport is only full or about to expire, it is not a damaged passport. See the article on passport renewal.`,
      },
    },
  },
  {
    key: 'paspor-alur-waktu',
    category: 'paspor',
    tags: ['paspor', 'lama proses', 'tahapan', 'hari kerja'],
    related: ['paspor-percepatan', 'paspor-status', 'mpaspor-daftar'],
    translations: {
      id: {
        slug: 'tahapan-dan-lama-proses-paspor',
        title: 'Berapa lama paspor selesai: tahapan dan lama proses',
        summary:
          'Layanan reguler umumnya selesai dalam 4 hari kerja. Jika butuh lebih cepat, ada layanan percepatan yang umumnya selesai pada hari yang sama.',
        body: `## Tahapan di kantor
1. Pemeriksaan berkas.
2. Pembayaran melalui kode billing, jika belum dibayar setelah mendaftar di M-Paspor.
3. Foto dan pengambilan sidik jari.
4. Wawancara.
5. Verifikasi.
6. Persetujuan (adjudikasi).
7. Pencetakan paspor.
8. Pengambilan paspor.

## Berapa lama
- **Layanan reguler**: umumnya **4 hari kerja**.
- **Layanan percepatan**: umumnya selesai **pada hari yang sama**, dengan biaya tambahan {{fee:PERCEPATAN}}.

Hari kerja tidak termasuk Sabtu, Minggu, hari libur nasional, dan cuti bersama. Waktu ini adalah perkiraan umum, bukan jaminan: berkas yang kurang atau pemeriksaan tambahan dapat membuat proses lebih lama.

## Jika lebih lama dari perkiraan
1. Periksa bukti dan tanda terima yang Anda terima di kantor.
2. Kirim [permintaan informasi](/submit/request) dan sebutkan nomor permohonan paspor Anda.
3. Jika Anda merasa dirugikan, sampaikan [pengaduan](/submit/complaint).`,
      },
      en: {
        slug: 'passport-steps-and-processing-time',
        title: 'How long a passport takes: steps and processing time',
        summary:
          'The regular service usually takes 4 working days. If you need it sooner, the same-day service (percepatan) is usually completed on the same day.',
        body: `## Steps at the office
1. Document check.
2. Payment through the billing code, if not already paid after booking in M-Paspor.
3. Photo and fingerprints.
4. Interview.
5. Verification.
6. Approval (adjudication).
7. Printing of the passport.
8. Collection of the passport.

## How long it takes
- **Regular service**: usually **4 working days**.
- **Same-day service (percepatan)**: usually completed **on the same day**, for an extra {{fee:PERCEPATAN}}.

Working days exclude Saturdays, Sundays, public holidays and collective leave days (cuti bersama). These times are general estimates, not a guarantee: missing documents or extra checks can make the process longer.

## If it takes longer than expected
1. Check the proof and receipt you received at the office.
2. Send an [information request](/submit/request) and mention your passport application number.
3. If you feel you were treated unfairly, file a [complaint](/submit/complaint).`,
      },
    },
  },
  {
    key: 'paspor-percepatan',
    category: 'paspor',
    tags: ['paspor', 'percepatan', 'hari yang sama', 'biaya'],
    related: ['paspor-alur-waktu'],
    translations: {
      id: {
        slug: 'layanan-percepatan-paspor',
        title: 'Layanan percepatan paspor (selesai pada hari yang sama)',
        summary:
          'Layanan percepatan membuat paspor umumnya selesai pada hari yang sama. Biayanya {{fee:PERCEPATAN}}, dibayar di luar biaya paspor dan hanya melalui kode billing resmi.',
        body: `## Biaya
- Biaya percepatan: **{{fee:PERCEPATAN}}**, di luar biaya paspor.
- Contoh: paspor elektronik 10 tahun dengan percepatan = {{fee:EPASPOR_10TH}} + {{fee:PERCEPATAN}}.

## Cara mengajukan
1. Daftar antrean di aplikasi **M-Paspor** seperti biasa.
2. Saat pemeriksaan berkas, sampaikan kepada petugas bahwa Anda memilih layanan percepatan.
3. Petugas menjelaskan ketentuan dan batas waktu layanan percepatan di kantor ini, lalu menerbitkan kode billing.
4. Bayar melalui kode billing, lalu ikuti foto, sidik jari, dan wawancara.

## Perlu diketahui
- Persyaratannya sama dengan layanan reguler. Percepatan tidak melewati pemeriksaan apa pun.
- Paspor **umumnya** selesai pada hari yang sama, tetapi bisa lebih lama jika berkas perlu diperiksa lebih lanjut.
- Layanan percepatan resmi hanya dibayar melalui kode billing. Orang yang menawarkan "jalur kilat" dengan bayaran lain adalah calo. Laporkan melalui [laporan pelanggaran integritas](/integrity).`,
      },
      en: {
        slug: 'same-day-passport-service',
        title: 'Same-day passport service (percepatan)',
        summary:
          'With the same-day service (percepatan) the passport is usually ready on the same day. It costs {{fee:PERCEPATAN}}, paid on top of the passport fee and only through the official billing code.',
        body: `## Fee
- Same-day service fee: **{{fee:PERCEPATAN}}**, on top of the passport fee.
- Example: a 10-year electronic passport with same-day service = {{fee:EPASPOR_10TH}} + {{fee:PERCEPATAN}}.

## How to apply
1. Book a queue slot in the **M-Paspor** app as usual.
2. At the document check, tell the officer that you choose the same-day service.
3. The officer explains the conditions and cut-off time for the same-day service at this office, then issues the billing code.
4. Pay through the billing code, then go through the photo, fingerprints and interview.

## Good to know
- The requirements are the same as for the regular service. The same-day service skips no check.
- The passport is **usually** ready on the same day, but it can take longer if the documents need further checks.
- The official same-day service is paid only through the billing code. Anyone offering a "fast track" for another payment is a broker (calo). Report them through an [integrity report](/integrity).`,
      },
    },
  },
  {
    key: 'paspor-status',
    category: 'paspor',
    tags: ['paspor', 'status permohonan', 'pengambilan'],
    related: ['paspor-alur-waktu', 'cek-status-laporan'],
    translations: {
      id: {
        slug: 'cek-status-permohonan-dan-pengambilan-paspor',
        title: 'Cek status permohonan paspor dan pengambilan paspor',
        summary:
          'Untuk mengetahui apakah paspor sudah jadi dan bisa diambil, simpan bukti pembayaran dan tanda terima dari kantor: di sana tercantum nomor permohonan Anda. Jika paspor belum siap pada perkiraan waktunya, kirim permintaan informasi di Loket dengan menyebutkan nomor permohonan.',
        body: `## Mengetahui kapan paspor siap
- Layanan reguler umumnya selesai dalam 4 hari kerja; layanan percepatan umumnya pada hari yang sama.
- Simpan **bukti pembayaran** dan **tanda terima** yang Anda terima di kantor. Nomor permohonan paspor tercantum di sana.

## Jika paspor belum siap
1. Kirim [permintaan informasi](/submit/request).
2. Tulis **nomor permohonan** paspor dan tanggal wawancara Anda. Jangan menulis NIK lengkap.
3. Simpan kode pelacakan dan kunci akses, lalu pantau jawabannya di halaman [cek status laporan](/status).

## Mengambil paspor
1. Datang ke loket pengambilan pada jam layanan.
2. Bawa **tanda terima** dan **e-KTP** (untuk anak: e-KTP orang tua).
3. Periksa data di paspor sebelum meninggalkan loket. Jika ada kesalahan, sampaikan saat itu juga.

Jika paspor akan diambil oleh orang lain, tanyakan lebih dulu syaratnya melalui [permintaan informasi](/submit/request).`,
      },
      en: {
        slug: 'passport-application-status-and-collection',
        title: 'Checking a passport application and collecting the passport',
        summary:
          'To know whether your passport is ready to collect, keep the payment proof and the receipt from the office: they show your application number. If the passport is not ready by the expected time, send an information request in Loket and mention the application number.',
        body: `## Knowing when the passport is ready
- The regular service usually takes 4 working days; the same-day service usually finishes on the same day.
- Keep the **payment proof** and the **receipt** you received at the office. Your passport application number is on them.

## If the passport is not ready
1. Send an [information request](/submit/request).
2. Write your passport **application number** and the date of your interview. Do not write your full NIK (national identity number).
3. Keep the tracking code and access key, and follow the answer on the [report status](/status) page.

## Collecting the passport
1. Come to the collection counter during opening hours.
2. Bring the **receipt** and your **e-KTP** (for a child: a parent's e-KTP).
3. Check the data in the passport before you leave the counter. If something is wrong, say so at once.

If someone else will collect the passport for you, first ask about the requirements through an [information request](/submit/request).`,
      },
    },
  },
];
