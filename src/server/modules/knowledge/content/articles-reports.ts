import type { SeedArticle } from './types.js';

/** Complaints, information requests, feedback and their follow-up in Loket; integrity reports. */
export const REPORT_ARTICLES: SeedArticle[] = [
  {
    key: 'pengaduan-cara',
    category: 'pengaduan',
    tags: ['pengaduan', 'keluhan', 'loket'],
    related: ['waktu-penanganan-laporan', 'cek-status-laporan', 'lapor-pungli-calo'],
    translations: {
      id: {
        slug: 'cara-menyampaikan-pengaduan',
        title: 'Cara menyampaikan pengaduan',
        summary:
          'Sampaikan pengaduan tentang pelayanan kantor imigrasi di Loket melalui menu "Sampaikan pengaduan". Anda menerima kode pelacakan dan kunci akses untuk memantau tindak lanjutnya. Pengaduan tidak dipungut biaya.',
        body: `Pengaduan adalah laporan bahwa ada yang tidak beres dengan layanan kami, misalnya pelayanan yang terlambat, petugas yang tidak sopan, atau informasi yang salah.

## Langkah
1. Buka [Sampaikan pengaduan](/submit/complaint).
2. Pilih layanan yang paling dekat dengan masalah Anda. Jika ragu, pilih "Tidak tahu / lainnya".
3. Tulis judul singkat dan ceritakan **apa, kapan, dan di mana**. Jika menyangkut permohonan paspor, sebutkan nomor permohonan.
4. Lampirkan foto atau PDF jika ada (tidak wajib).
5. Isi kontak jika ingin kami hubungi (tidak wajib).
6. Periksa ringkasan, lalu kirim.
7. **Simpan kode pelacakan dan kunci akses** yang muncul. Kunci akses hanya ditampilkan sekali.

## Pilihan privasi
- **Anonim**: nama dan kontak Anda disembunyikan dari petugas di luar tim yang menangani, dan tidak pernah diberikan kepada pihak yang Anda laporkan.
- **Rahasia**: isi laporan tidak pernah ditampilkan kepada umum.

## Jangan tulis
Kata sandi, kode OTP, nomor rekening, atau NIK lengkap.

Pengaduan juga dapat disampaikan melalui saluran kontak kantor. Jika Anda tidak puas dengan penanganan kami, Anda dapat melapor melalui SP4N-LAPOR! di [lapor.go.id](https://www.lapor.go.id) atau kepada Ombudsman Republik Indonesia.`,
      },
      en: {
        slug: 'how-to-file-a-complaint',
        title: 'How to file a complaint',
        summary:
          'Complain about the immigration office\'s service in Loket through "Make a complaint". You receive a tracking code and an access key to follow what we do about it. Complaints are free of charge.',
        body: `A complaint reports that something went wrong with our service, for example a late service, an impolite officer or wrong information.

## Steps
1. Open [Make a complaint](/submit/complaint).
2. Choose the service closest to your problem. If unsure, choose "Not sure / other".
3. Write a short title and tell us **what, when and where**. If it concerns a passport application, mention the application number.
4. Attach photos or a PDF if you have them (optional).
5. Fill in your contact details if you want us to contact you (optional).
6. Check the summary, then send.
7. **Save the tracking code and access key** shown. The access key is shown only once.

## Privacy options
- **Anonymous**: your name and contact details are hidden from officers outside the handling team, and never given to the party you report.
- **Confidential**: the content of the report is never shown to the public.

## Do not write
Passwords, OTP codes, bank account numbers or your full NIK (national identity number).

You can also file a complaint through the office's contact channels. If you are not satisfied with how we handle it, you can report through SP4N-LAPOR! at [lapor.go.id](https://www.lapor.go.id) or to the Ombudsman of the Republic of Indonesia.`,
      },
    },
  },
  {
    key: 'permintaan-informasi',
    category: 'pengaduan',
    tags: ['permintaan informasi', 'pertanyaan', 'loket'],
    related: ['cek-status-laporan', 'pengaduan-cara', 'jam-layanan-kontak'],
    translations: {
      id: {
        slug: 'cara-meminta-informasi',
        title: 'Cara meminta informasi atau bertanya kepada petugas',
        summary:
          'Jika jawaban yang Anda cari tidak ada di situs dan pusat informasi ini, kirim "Minta informasi" di Loket. Petugas menjawab secara tertulis dan Anda membaca jawabannya di halaman cek status laporan.',
        body: `## Langkah
1. Cari dulu di pusat informasi ini. Banyak pertanyaan tentang syarat, biaya, dan jadwal sudah terjawab.
2. Jika belum terjawab, buka [Minta informasi](/submit/request).
3. Tulis pertanyaan Anda sejelas mungkin. Untuk pertanyaan tentang permohonan paspor, sebutkan nomor permohonan, bukan NIK.
4. Kirim, lalu **simpan kode pelacakan dan kunci akses**.
5. Baca jawaban kami di halaman [cek status laporan](/status).

## Berapa lama dijawab
Permintaan Anda diperiksa dan diteruskan ke petugas yang tepat paling lambat **3 hari kerja**, dan ditindaklanjuti paling lambat **5 hari kerja** setelah itu. Banyak pertanyaan dijawab lebih cepat.

Permintaan informasi tidak dipungut biaya.`,
      },
      en: {
        slug: 'how-to-request-information',
        title: 'How to request information or ask an officer',
        summary:
          'If the answer you need is not on this site and information center, send "Request information" in Loket. An officer answers in writing and you read the answer on the report status page.',
        body: `## Steps
1. Search this information center first. Many questions about requirements, fees and schedules are already answered.
2. If not, open [Request information](/submit/request).
3. Write your question as clearly as you can. For a question about a passport application, mention the application number, not your NIK.
4. Send it, then **save the tracking code and access key**.
5. Read our answer on the [report status](/status) page.

## How long it takes
Your request is checked and passed to the right officer within **3 working days**, and followed up within **5 working days** after that. Many questions are answered sooner.

Information requests are free of charge.`,
      },
    },
  },
  {
    key: 'pendapat-saran',
    category: 'pengaduan',
    tags: ['pendapat', 'saran', 'masukan'],
    related: ['survei-kepuasan'],
    translations: {
      id: {
        slug: 'menyampaikan-pendapat-atau-saran',
        title: 'Menyampaikan pendapat atau saran',
        summary:
          'Punya ide atau usulan untuk memperbaiki layanan kami, misalnya ruang tunggu atau aplikasi? Kirim melalui "Beri pendapat atau saran" di Loket. Setiap masukan dibaca dan dapat Anda pantau dengan kode pelacakan.',
        body: `Pendapat dan saran membantu kami memperbaiki layanan, misalnya tentang ruang tunggu, papan petunjuk, jam layanan, atau aplikasi.

## Langkah
1. Buka [Beri pendapat atau saran](/submit/opinion).
2. Pilih layanan yang Anda maksud dan tulis saran Anda.
3. Kirim dan simpan kode pelacakan serta kunci akses.
4. Pantau tanggapan kami di halaman [cek status laporan](/status).

## Bedanya dengan pengaduan
- **Pengaduan**: ada masalah yang perlu diselesaikan untuk Anda.
- **Pendapat atau saran**: usulan perbaikan untuk semua pengguna layanan.

Untuk menilai layanan secara keseluruhan, isi juga Survei Kepuasan Masyarakat.`,
      },
      en: {
        slug: 'giving-an-opinion-or-suggestion',
        title: 'Giving an opinion or suggestion',
        summary:
          'Have an idea or proposal to improve our service, for example the waiting room or the app? Send it through "Give an opinion or suggestion" in Loket. Every suggestion is read, and you can follow it with your tracking code.',
        body: `Opinions and suggestions help us improve our service, for example about the waiting room, signs, opening hours or the app.

## Steps
1. Open [Give an opinion or suggestion](/submit/opinion).
2. Choose the service you mean and write your suggestion.
3. Send it and save the tracking code and access key.
4. Follow our response on the [report status](/status) page.

## How it differs from a complaint
- **Complaint**: there is a problem that must be solved for you.
- **Opinion or suggestion**: a proposal to improve things for everyone who uses the service.

To rate the service as a whole, please also fill in the Community Satisfaction Survey.`,
      },
    },
  },
  {
    key: 'cek-status-laporan',
    category: 'pengaduan',
    tags: ['status laporan', 'kode pelacakan', 'kunci akses'],
    related: ['waktu-penanganan-laporan'],
    translations: {
      id: {
        slug: 'cek-status-laporan',
        title: 'Cara mengecek status pengaduan atau permintaan Anda',
        summary:
          'Buka halaman "Cek status laporan" dan masukkan kode pelacakan serta kunci akses yang Anda terima saat mengirim laporan. Di sana Anda melihat status, jawaban petugas, dan riwayatnya.',
        body: `## Langkah
1. Buka [Cek status laporan](/status).
2. Masukkan **kode pelacakan** (contoh bentuknya: SBY-26-7K3Q9MX).
3. Masukkan **kunci akses** (contoh bentuknya: 7K3Q-9MXA-B2CD-EFGH).
4. Tekan "Lihat status".

## Yang dapat Anda lakukan di halaman status
- Membaca status terbaru dan jawaban petugas.
- **Menambahkan tanggapan**, misalnya informasi atau dokumen yang kami minta.
- Jika kami menandai laporan selesai: menekan **"Ya, sudah selesai"**, atau **"Belum, buka kembali"** jika masalah Anda belum selesai.

## Perlu diketahui
- Kode pelacakan dan kunci akses hanya untuk laporan di Loket. Status permohonan paspor memakai nomor permohonan paspor.
- Jangan berikan kunci akses kepada orang lain: siapa pun yang memegangnya dapat membaca laporan Anda.`,
      },
      en: {
        slug: 'check-report-status',
        title: 'How to check the status of your complaint or request',
        summary:
          'Open the "Check the status of a report" page and enter the tracking code and access key you received when you sent the report. There you see its status, the officers\' answers and its history.',
        body: `## Steps
1. Open [Check the status of a report](/status).
2. Enter the **tracking code** (it looks like: SBY-26-7K3Q9MX).
3. Enter the **access key** (it looks like: 7K3Q-9MXA-B2CD-EFGH).
4. Press "View status".

## What you can do on the status page
- Read the latest status and the officers' answers.
- **Add a reply**, for example information or documents we asked for.
- When we mark the report resolved: press **"Yes, it is solved"**, or **"No, reopen it"** if your problem is not solved.

## Good to know
- The tracking code and access key are only for reports in Loket. The status of a passport application uses the passport application number.
- Do not give your access key to anyone: whoever holds it can read your report.`,
      },
    },
  },
  {
    key: 'waktu-penanganan-laporan',
    category: 'pengaduan',
    tags: ['batas waktu', 'hari kerja', 'tindak lanjut', 'pengaduan'],
    related: ['pengaduan-cara', 'cek-status-laporan', 'standar-pelayanan'],
    translations: {
      id: {
        slug: 'batas-waktu-penanganan-laporan',
        title: 'Berapa lama pengaduan dan permintaan ditangani',
        summary:
          'Setiap laporan diverifikasi dan diteruskan ke unit yang tepat paling lambat 3 hari kerja, lalu ditindaklanjuti dan ditanggapi oleh unit itu paling lambat 5 hari kerja.',
        body: `## Batas waktu
1. **Verifikasi dan penerusan**: paling lambat **3 hari kerja** setelah laporan diterima.
2. **Tindak lanjut** oleh unit yang bertanggung jawab: paling lambat **5 hari kerja** setelah laporan diteruskan.

Hari kerja tidak termasuk Sabtu, Minggu, hari libur nasional, dan cuti bersama. Batas waktu ini mengikuti praktik pengelolaan pengaduan nasional (SP4N-LAPOR!).

## Jika perlu waktu lebih lama
Beberapa masalah perlu pemeriksaan lebih lanjut. Jika demikian, petugas memberi tahu Anda di halaman status laporan apa yang sedang dilakukan dan kapan Anda dapat mengharapkan jawaban.

## Jika batas waktu terlewati
1. Tambahkan tanggapan di halaman [cek status laporan](/status) untuk menanyakan perkembangannya.
2. Jika tetap tidak ada tindak lanjut, Anda dapat melapor melalui SP4N-LAPOR! di [lapor.go.id](https://www.lapor.go.id) atau kepada Ombudsman Republik Indonesia.`,
      },
      en: {
        slug: 'report-handling-time-limits',
        title: 'How long complaints and requests take',
        summary:
          'Every report is verified and passed to the right unit within 3 working days, and that unit follows it up and gives you a response within 5 working days.',
        body: `## Time limits
1. **Verification and routing**: within **3 working days** of receiving the report.
2. **Follow-up** by the responsible unit: within **5 working days** of the report being routed.

Working days exclude Saturdays, Sundays, public holidays and collective leave days (cuti bersama). These limits follow the national complaint-handling practice (SP4N-LAPOR!).

## If it needs more time
Some problems need further examination. In that case the officer tells you on the report status page what is being done and when you can expect an answer.

## If a time limit is missed
1. Add a reply on the [report status](/status) page to ask for an update.
2. If there is still no follow-up, you can report through SP4N-LAPOR! at [lapor.go.id](https://www.lapor.go.id) or to the Ombudsman of the Republic of Indonesia.`,
      },
    },
  },
  {
    key: 'lapor-pungli-calo',
    category: 'integritas',
    tags: ['pungli', 'calo', 'suap', 'laporan integritas', 'anonim'],
    related: ['hindari-calo'],
    translations: {
      id: {
        slug: 'melaporkan-pungli-dan-calo',
        title: 'Melaporkan pungutan liar (pungli), suap, atau calo dengan aman',
        summary:
          'Jika petugas atau siapa pun meminta uang di luar biaya resmi, laporkan pungli, permintaan suap, atau calo melalui "Laporkan pelanggaran integritas" di Loket. Anda boleh melapor tanpa nama: pilih anonim dan rahasia, lalu simpan kode pelacakan dan kunci akses.',
        body: `## Apa yang dapat dilaporkan
- Petugas atau orang lain meminta uang di luar biaya resmi (**pungutan liar**).
- Permintaan atau tawaran **suap** dan "uang terima kasih".
- **Calo** yang menjual slot antrean atau menjanjikan paspor lebih cepat dengan bayaran.
- Penyalahgunaan wewenang lainnya.

## Langkah
1. Buka [Laporkan pelanggaran integritas](/integrity).
2. Pilih **anonim** dan **rahasia**. Nama dan kontak tidak wajib diisi.
3. Ceritakan apa yang terjadi: **kapan, di mana, siapa** (nama atau ciri-ciri), dan **berapa** yang diminta.
4. Lampirkan bukti jika aman untuk Anda, misalnya tangkapan layar percakapan.
5. Kirim dan **simpan kode pelacakan dan kunci akses**. Dengan keduanya Anda dapat membaca tanggapan dan menambahkan keterangan tanpa membuka identitas.

## Keamanan Anda
- Identitas pelapor tidak pernah diberikan kepada pihak yang dilaporkan.
- Jangan menghadapi pelaku sendiri. Jangan menyerahkan uang untuk "membuktikan" pungli.
- Biaya resmi hanya dibayar melalui **kode billing**. Petugas tidak pernah meminta uang tunai atau transfer ke rekening pribadi.`,
      },
      en: {
        slug: 'reporting-extortion-and-brokers',
        title: 'Reporting illegal charges (pungli), bribes or brokers (calo) safely',
        summary:
          'If an officer or anyone else asks you for money beyond the official fees or for a bribe, report illegal charges, bribe requests or brokers through "Report an integrity problem" in Loket. You may report without giving your name: choose anonymous and confidential, then save the tracking code and access key.',
        body: `## What you can report
- An officer or anyone else asks for money beyond the official fees (**illegal charges, pungli**).
- A request or offer of a **bribe** or a "thank-you payment".
- **Brokers (calo)** selling queue slots or promising a faster passport for money.
- Any other abuse of authority.

## Steps
1. Open [Report an integrity problem](/integrity).
2. Choose **anonymous** and **confidential**. Name and contact details are optional.
3. Tell us what happened: **when, where, who** (name or description) and **how much** was asked.
4. Attach evidence if it is safe for you, for example screenshots of a chat.
5. Send it and **save the tracking code and access key**. With them you can read our response and add details without revealing who you are.

## Your safety
- The reporter's identity is never given to the party reported.
- Do not confront the person yourself. Do not hand over money to "prove" the extortion.
- Official fees are paid only through the **billing code**. Officers never ask for cash or a transfer to a personal account.`,
      },
    },
  },
  {
    key: 'hindari-calo',
    category: 'integritas',
    tags: ['calo', 'biaya resmi', 'kode billing', 'penipuan'],
    related: ['lapor-pungli-calo', 'mpaspor-bayar'],
    translations: {
      id: {
        slug: 'mengurus-paspor-tanpa-calo',
        title: 'Mengurus paspor tanpa calo',
        summary:
          'Anda tidak memerlukan calo atau perantara. Pendaftaran M-Paspor tidak dipungut biaya, dan satu-satunya pembayaran adalah biaya resmi melalui kode billing. Paspor tidak bisa diurus orang lain karena Anda harus hadir untuk foto, sidik jari, dan wawancara.',
        body: `## Tanda-tanda calo
- Menawarkan "jalur kilat", "orang dalam", atau jaminan paspor jadi tanpa antre.
- Menjual slot antrean M-Paspor.
- Meminta Anda mentransfer uang ke rekening pribadi atau membayar tunai.
- Meminta akun M-Paspor, kata sandi, atau kode OTP Anda.

## Cara resmi yang aman
1. Daftar sendiri di aplikasi **M-Paspor** (tidak dipungut biaya).
2. Bayar hanya melalui **kode billing** atas nama Anda.
3. Jika butuh paspor cepat, pilih **layanan percepatan** resmi ({{fee:PERCEPATAN}}, di luar biaya paspor), yang juga dibayar melalui kode billing.
4. Jika bingung, tanyakan kepada petugas informasi atau kirim [permintaan informasi](/submit/request).

Menggunakan calo berisiko: data pribadi Anda dapat disalahgunakan dan uang Anda dapat hilang. Jika menemukan calo, [laporkan](/integrity).`,
      },
      en: {
        slug: 'getting-a-passport-without-brokers',
        title: 'Getting a passport without a broker',
        summary:
          'You do not need a broker (calo) or any middleman. Booking in M-Paspor is free of charge, and the only payment is the official fee through the billing code. Nobody can get a passport for you, because you must attend for the photo, fingerprints and interview.',
        body: `## Signs of a broker
- Offers a "fast track", an "insider", or a guaranteed passport without queueing.
- Sells M-Paspor queue slots.
- Asks you to transfer money to a personal account or to pay cash.
- Asks for your M-Paspor account, password or OTP code.

## The safe official way
1. Book yourself in the **M-Paspor** app (free of charge).
2. Pay only through the **billing code** in your name.
3. If you need your passport fast, choose the official **same-day service** ({{fee:PERCEPATAN}}, on top of the passport fee), also paid through the billing code.
4. If in doubt, ask the information officer or send an [information request](/submit/request).

Using a broker is risky: your personal data can be misused and you can lose your money. If you meet a broker, [report it](/integrity).`,
      },
    },
  },
];
