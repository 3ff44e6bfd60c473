import type { SeedFaq } from './types.js';

/**
 * Short questions the assistant can answer directly. Each entry covers one narrow question that no article has as
 * its main topic; `articleKey` points to the article with the full story.
 */
export const SEED_FAQS: SeedFaq[] = [
  {
    key: 'faq-biaya-paspor',
    category: 'paspor',
    articleKey: 'paspor-jenis',
    translations: {
      id: {
        questions: [
          'Berapa biaya membuat paspor?',
          'Berapa harga paspor sekarang?',
          'Bikin paspor berapa duit?',
          'Biaya e-paspor berapa?',
          'Tarif paspor 10 tahun berapa?',
        ],
        answer: `Biaya paspor menurut PP 45/2024 (berlaku sejak 17 Desember 2024):
- Paspor biasa non-elektronik, paling lama 5 tahun: {{fee:PASPOR_BIASA_5TH}}
- Paspor biasa non-elektronik, paling lama 10 tahun: {{fee:PASPOR_BIASA_10TH}}
- Paspor elektronik (e-paspor), paling lama 5 tahun: {{fee:EPASPOR_5TH}}
- Paspor elektronik (e-paspor), paling lama 10 tahun: {{fee:EPASPOR_10TH}}

Layanan percepatan (umumnya selesai pada hari yang sama) menambah {{fee:PERCEPATAN}}. Semua biaya dibayar hanya melalui kode billing.`,
      },
      en: {
        questions: [
          'How much does a passport cost?',
          'What is the passport fee?',
          'How much is an e-passport?',
          'Price of a 10-year passport?',
        ],
        answer: `Passport fees under PP 45/2024 (in force since 17 December 2024):
- Ordinary non-electronic passport, up to 5 years: {{fee:PASPOR_BIASA_5TH}}
- Ordinary non-electronic passport, up to 10 years: {{fee:PASPOR_BIASA_10TH}}
- Electronic passport (e-passport), up to 5 years: {{fee:EPASPOR_5TH}}
- Electronic passport (e-passport), up to 10 years: {{fee:EPASPOR_10TH}}

The same-day service (usually ready on the same day) adds {{fee:PERCEPATAN}}. All fees are paid only through the billing code.`,
      },
    },
  },
  {
    key: 'faq-tarif-baru',
    category: 'paspor',
    articleKey: 'paspor-jenis',
    translations: {
      id: {
        questions: [
          'Sejak kapan tarif paspor yang baru berlaku?',
          'Peraturan apa yang mengatur biaya paspor?',
          'Apakah tarif paspor naik?',
          'PP 45 tahun 2024 berlaku kapan?',
          'Apakah biaya paspor masih memakai PP 28/2019?',
        ],
        answer:
          'Tarif paspor saat ini diatur dalam **PP 45/2024**, yang berlaku sejak **17 Desember 2024** dan menggantikan PP 28/2019. Contohnya, paspor elektronik 10 tahun sekarang {{fee:EPASPOR_10TH}}.',
      },
      en: {
        questions: [
          'When did the new passport fees take effect?',
          'Which regulation sets the passport fees?',
          'Did passport fees go up?',
        ],
        answer:
          'Passport fees are currently set by **PP 45/2024**, in force since **17 December 2024**, which replaced PP 28/2019. For example, a 10-year electronic passport now costs {{fee:EPASPOR_10TH}}.',
      },
    },
  },
  {
    key: 'faq-diwakilkan',
    category: 'paspor',
    articleKey: 'paspor-syarat-dewasa',
    translations: {
      id: {
        questions: [
          'Apakah pembuatan paspor bisa diwakilkan?',
          'Bisa titip bikin paspor ke saudara?',
          'Bisakah mengurus paspor dengan surat kuasa?',
          'Boleh diurus orang lain tanpa saya datang?',
          'Harus datang sendiri ke kantor imigrasi?',
        ],
        answer:
          'Tidak. Pemohon harus **datang sendiri** karena foto, sidik jari, dan wawancara dilakukan langsung kepada pemohon. Untuk anak di bawah 17 tahun, anak datang bersama kedua orang tua (atau salah satu orang tua dengan surat kuasa dari yang lain). Hati-hati dengan orang yang menawarkan "bisa diurus tanpa datang": itu calo.',
      },
      en: {
        questions: [
          'Can someone else apply for a passport on my behalf?',
          'Do I have to come to the office in person?',
          'Can my relative get my passport done for me?',
        ],
        answer:
          'No. Applicants must **come in person** because the photo, fingerprints and interview are taken from the applicant directly. A child under 17 comes with both parents (or one parent with a power of attorney from the other). Be careful with anyone offering to "get it done without you coming": that is a broker (calo).',
      },
    },
  },
  {
    key: 'faq-kantor-domisili',
    category: 'antrean',
    articleKey: 'mpaspor-daftar',
    translations: {
      id: {
        questions: [
          'Apakah harus membuat paspor di kantor imigrasi sesuai alamat KTP?',
          'KTP saya luar Surabaya, bisa bikin paspor di Surabaya?',
          'Boleh mengajukan paspor di kantor imigrasi kota lain?',
          'Bisa bikin paspor di luar kota domisili?',
          'Apakah paspor harus diurus sesuai domisili?',
        ],
        answer:
          'Anda memilih sendiri kantor imigrasi tujuan saat mendaftar di aplikasi **M-Paspor**, sesuai kantor dan tanggal yang kuotanya tersedia. Jika ragu apakah permohonan Anda dapat dilayani di kantor ini, kirim [permintaan informasi](/submit/request) sebelum datang.',
      },
      en: {
        questions: [
          'Do I have to apply at the immigration office of my home address?',
          'My ID card is from another city, can I apply in Surabaya?',
          'Can I apply for a passport at an office in another city?',
        ],
        answer:
          'You choose the immigration office yourself when booking in the **M-Paspor** app, among the offices and dates that have quota. If you are unsure whether your application can be served at this office, send an [information request](/submit/request) before you come.',
      },
    },
  },
  {
    key: 'faq-paspor-penuh',
    category: 'paspor',
    articleKey: 'paspor-perpanjangan',
    translations: {
      id: {
        questions: [
          'Halaman paspor saya sudah penuh padahal masih berlaku, bagaimana?',
          'Paspor penuh cap, harus ganti?',
          'Bisakah menambah halaman paspor?',
          'Halaman untuk cap visa sudah habis',
        ],
        answer:
          'Paspor yang halamannya penuh diganti dengan paspor baru, dengan persyaratan dan biaya yang sama seperti perpanjangan paspor. Bawa paspor lama Anda. Biayanya sesuai jenis dan masa berlaku yang dipilih, misalnya {{fee:EPASPOR_10TH}} untuk paspor elektronik 10 tahun.',
      },
      en: {
        questions: [
          'My passport pages are full but it is still valid, what do I do?',
          'Can I add pages to my passport?',
          'Passport full of stamps, do I need a new one?',
        ],
        answer:
          'A passport with full pages is replaced by a new passport, with the same requirements and fees as a passport renewal. Bring your old passport. The fee depends on the type and validity you choose, for example {{fee:EPASPOR_10TH}} for a 10-year electronic passport.',
      },
    },
  },
  {
    key: 'faq-masa-berlaku-perjalanan',
    category: 'paspor',
    articleKey: 'paspor-perpanjangan',
    translations: {
      id: {
        questions: [
          'Berapa sisa masa berlaku paspor yang dibutuhkan untuk ke luar negeri?',
          'Paspor saya habis 5 bulan lagi, masih bisa dipakai ke luar negeri?',
          'Apakah paspor harus berlaku 6 bulan?',
        ],
        answer:
          'Banyak negara mensyaratkan paspor masih berlaku **paling sedikit 6 bulan** saat Anda masuk, dan maskapai dapat menolak penumpang yang tidak memenuhinya. Periksa ketentuan negara tujuan. Jika masa berlaku paspor Anda hampir habis, ajukan perpanjangan paspor sebelum berangkat.',
      },
      en: {
        questions: [
          'How much validity must my passport have left to travel abroad?',
          'My passport expires in 5 months, can I still travel?',
          'Does my passport need 6 months validity?',
          'Can I travel if my passport expires soon?',
        ],
        answer:
          "Many countries require your passport to be valid for **at least 6 months** when you enter, and airlines can refuse passengers who do not meet this. Check the destination country's rules. If your passport is close to expiry, renew it before you travel.",
      },
    },
  },
  {
    key: 'faq-billing-kedaluwarsa',
    category: 'antrean',
    articleKey: 'mpaspor-bayar',
    translations: {
      id: {
        questions: [
          'Saya tidak membayar dalam 2 jam, bagaimana?',
          'Kode billing sudah kedaluwarsa',
          'Terlambat membayar billing M-Paspor',
          'Lewat batas waktu pembayaran paspor',
          'Batas waktu bayar paspor berapa lama?',
        ],
        answer:
          'Kode billing harus dibayar **paling lambat 2 jam** setelah diterbitkan. Jika terlewat, kode tidak dapat dipakai lagi dan umumnya Anda perlu mendaftar ulang di aplikasi **M-Paspor** untuk mendapat jadwal dan kode billing baru. Jangan membayar ke kode yang sudah kedaluwarsa.',
      },
      en: {
        questions: [
          'I did not pay within 2 hours, what now?',
          'My billing code expired',
          'How long do I have to pay the passport fee?',
          'I missed the payment deadline',
        ],
        answer:
          'The billing code must be paid **within 2 hours** of its issue. If you miss this, the code can no longer be used and you usually need to book again in the **M-Paspor** app to get a new date and billing code. Do not pay to an expired code.',
      },
    },
  },
  {
    key: 'faq-bayar-tunai-petugas',
    category: 'integritas',
    articleKey: 'lapor-pungli-calo',
    translations: {
      id: {
        questions: [
          'Bolehkah membayar biaya paspor secara tunai kepada petugas?',
          'Petugas minta uang tambahan, wajar tidak?',
          'Ada biaya lain selain billing?',
          'Disuruh transfer ke rekening pribadi',
        ],
        answer:
          'Tidak. Biaya resmi hanya dibayar melalui **kode billing**. Petugas tidak pernah meminta uang tunai, "uang terima kasih", atau transfer ke rekening pribadi. Jika ada yang meminta, itu pungutan liar. Jangan membayar, dan [laporkan](/integrity); Anda boleh melapor tanpa nama.',
      },
      en: {
        questions: [
          'Can I pay the passport fee in cash to an officer?',
          'An officer asked for extra money, is that normal?',
          'Are there any charges besides the billing code?',
        ],
        answer:
          'No. Official fees are paid only through the **billing code**. Officers never ask for cash, a "thank-you payment" or a transfer to a personal account. If anyone asks, it is an illegal charge (pungli). Do not pay, and [report it](/integrity); you may report without giving your name.',
      },
    },
  },
  {
    key: 'faq-tawaran-jalur-cepat',
    category: 'integritas',
    articleKey: 'hindari-calo',
    translations: {
      id: {
        questions: [
          'Ada orang menawarkan paspor cepat jadi tanpa antre, apakah resmi?',
          'Jasa jalur kilat paspor di Instagram aman?',
          'Ada yang jual slot antrean M-Paspor',
          'Apakah aman memakai jasa calo paspor?',
        ],
        answer:
          'Tidak resmi. Itu calo. Pendaftaran M-Paspor tidak dipungut biaya, dan satu-satunya cara resmi untuk paspor cepat adalah **layanan percepatan** ({{fee:PERCEPATAN}}, di luar biaya paspor) yang dibayar melalui kode billing. Jangan menyerahkan uang, akun, atau kode OTP kepada siapa pun, dan [laporkan calo tersebut](/integrity).',
      },
      en: {
        questions: [
          'Someone offers a fast passport without queueing, is it official?',
          'Is a passport fast-track service on social media safe?',
          'Someone is selling M-Paspor queue slots',
        ],
        answer:
          'It is not official. That is a broker (calo). Booking in M-Paspor is free of charge, and the only official way to get a passport fast is the **same-day service** ({{fee:PERCEPATAN}}, on top of the passport fee), paid through the billing code. Never hand over money, your account or an OTP code to anyone, and [report the broker](/integrity).',
      },
    },
  },
  {
    key: 'faq-lupa-kunci-akses',
    category: 'pengaduan',
    articleKey: 'cek-status-laporan',
    translations: {
      id: {
        questions: [
          'Saya kehilangan kunci akses laporan, bagaimana?',
          'Lupa kunci akses',
          'Kode pelacakan saya hilang',
        ],
        answer:
          'Kunci akses hanya ditampilkan sekali dan tidak dapat kami tampilkan ulang, karena kami menyimpannya dalam bentuk yang tidak dapat dibaca kembali. Hubungi kami melalui saluran kontak kantor dan sebutkan **kode pelacakan** Anda; petugas akan membantu. Jika kode pelacakan juga hilang, sebutkan kapan dan tentang apa laporan Anda dikirim.',
      },
      en: {
        questions: [
          'I lost the access key of my report, what can I do?',
          'Forgot my access key',
          'I lost my tracking code',
        ],
        answer:
          "The access key is shown only once and we cannot show it again, because we store it in a form that cannot be read back. Contact us through the office's contact channels and give your **tracking code**; an officer will help you. If you also lost the tracking code, tell us when you sent the report and what it was about.",
      },
    },
  },
  {
    key: 'faq-lapor-tanpa-nama',
    category: 'integritas',
    articleKey: 'lapor-pungli-calo',
    translations: {
      id: {
        questions: [
          'Apakah saya bisa melapor tanpa menyebutkan nama?',
          'Lapor anonim bisa?',
          'Bisa mengirim pengaduan tanpa nama?',
          'Identitas pelapor dirahasiakan tidak?',
          'Apakah nama pelapor akan diketahui orang yang dilaporkan?',
        ],
        answer:
          'Bisa. Nama dan kontak tidak wajib diisi. Pilih **anonim** agar identitas Anda disembunyikan dari petugas di luar tim yang menangani dan tidak pernah diberikan kepada pihak yang Anda laporkan, dan **rahasia** agar isi laporan tidak pernah ditampilkan kepada umum. Simpan kode pelacakan dan kunci akses untuk memantau laporan.',
      },
      en: {
        questions: [
          'Can I report without giving my name?',
          'Can I report anonymously?',
          "Is the reporter's identity kept secret?",
        ],
        answer:
          "Yes. Name and contact details are optional. Choose **anonymous** so your identity is hidden from officers outside the handling team and never given to the party you report, and **confidential** so the report's content is never shown to the public. Keep the tracking code and access key to follow your report.",
      },
    },
  },
  {
    key: 'faq-ibu-hamil',
    category: 'antrean',
    articleKey: 'layanan-tanpa-antrean',
    translations: {
      id: {
        questions: [
          'Apakah ibu hamil harus mendaftar antrean di M-Paspor?',
          'Saya sedang hamil, bisa langsung datang tanpa antre?',
          'Ibu hamil dapat prioritas?',
          'Ibu hamil perlu daftar antrean online?',
        ],
        answer:
          'Ya, ibu hamil tetap mendaftar lewat **M-Paspor**. Yang boleh datang tanpa mendaftar adalah lansia di atas 60 tahun, penyandang disabilitas, dan anak di bawah 5 tahun, dalam batas kuota harian. Di kantor, sampaikan kepada petugas bahwa Anda sedang hamil agar mendapat tempat duduk dan layanan prioritas.',
      },
      en: {
        questions: [
          'Do pregnant women have to book in M-Paspor?',
          'I am pregnant, can I come without booking?',
          'Do pregnant women get priority?',
        ],
        answer:
          'Yes, pregnant women still book through **M-Paspor**. Those who may come without booking are elderly people over 60, people with disabilities and children under 5, within a daily quota. At the office, tell an officer you are pregnant so you get a priority seat and priority service.',
      },
    },
  },
  {
    key: 'faq-data-dokumen-berbeda',
    category: 'paspor',
    articleKey: 'paspor-syarat-dewasa',
    translations: {
      id: {
        questions: [
          'Nama di KTP dan akta kelahiran saya berbeda, bagaimana?',
          'Data di Kartu Keluarga tidak sama dengan ijazah',
          'Tanggal lahir di dokumen beda-beda',
          'Ada salah ketik nama di akta kelahiran',
        ],
        answer:
          'Data di paspor harus sesuai dengan dokumen kependudukan Anda. Jika nama, tanggal lahir, atau tempat lahir berbeda antar dokumen, petugas dapat meminta Anda **menyamakan data lebih dulu** di Dinas Kependudukan dan Pencatatan Sipil (Dukcapil). Untuk perubahan nama, diperlukan penetapan pengadilan. Jika ragu, kirim [permintaan informasi](/submit/request) sebelum mendaftar.',
      },
      en: {
        questions: [
          'The name on my ID card and birth certificate are different, what do I do?',
          'My family card data does not match my diploma',
          'My date of birth differs between documents',
        ],
        answer:
          'The data in your passport must match your civil registry documents. If your name, date of birth or place of birth differs between documents, the officer may ask you to **correct the data first** at the civil registry office (Dukcapil). A change of name requires a court decree. If unsure, send an [information request](/submit/request) before booking.',
      },
    },
  },
  {
    key: 'faq-kantor-buka-sabtu',
    category: 'kantor',
    articleKey: 'jam-layanan-kontak',
    translations: {
      id: {
        questions: [
          'Apakah kantor imigrasi buka hari Sabtu?',
          'Sabtu Minggu buka nggak?',
          'Apakah ada layanan akhir pekan?',
        ],
        answer:
          'Menurut jam contoh untuk demo ini, kantor melayani **Senin–Jumat 08.00–16.00 WIB** dan tutup pada Sabtu, Minggu, dan hari libur nasional (contoh). Jika ada layanan khusus di akhir pekan, kantor akan mengumumkannya. Loket dan pusat informasi tetap dapat dipakai 24 jam.',
      },
      en: {
        questions: [
          'Is the immigration office open on Saturday?',
          'Are you open at the weekend?',
          'Is there any Sunday service?',
        ],
        answer:
          'According to the example hours for this demo, the office serves **Monday–Friday 08:00–16:00 WIB** and is closed on Saturdays, Sundays and public holidays (example). Any special weekend service will be announced by the office. Loket and the information center remain available 24 hours a day.',
      },
    },
  },
  {
    key: 'faq-hari-libur',
    category: 'kantor',
    articleKey: 'jam-layanan-kontak',
    translations: {
      id: {
        questions: [
          'Apakah ada layanan paspor saat cuti bersama?',
          'Kantor imigrasi libur saat Lebaran?',
          'Hari libur nasional dihitung hari kerja tidak?',
        ],
        answer:
          'Pada hari libur nasional dan cuti bersama, kantor tidak membuka layanan reguler kecuali diumumkan lain. Hari-hari itu juga **tidak dihitung sebagai hari kerja**, baik untuk lama proses paspor maupun untuk batas waktu penanganan laporan. Pilih tanggal kedatangan di M-Paspor dengan memperhatikan kalender libur.',
      },
      en: {
        questions: [
          'Is there passport service during collective leave days?',
          'Is the office closed during Eid holidays?',
          'Do public holidays count as working days?',
        ],
        answer:
          'On public holidays and collective leave days (cuti bersama) the office does not open its regular services unless announced otherwise. These days also **do not count as working days**, both for passport processing time and for report handling time limits. Keep the holiday calendar in mind when choosing your arrival date in M-Paspor.',
      },
    },
  },
  {
    key: 'faq-survei-wajib',
    category: 'kantor',
    articleKey: 'survei-kepuasan',
    translations: {
      id: {
        questions: [
          'Apakah saya wajib mengisi survei kepuasan?',
          'Isi survei harus pakai nama?',
          'Kalau kasih nilai jelek, layanan saya terpengaruh?',
        ],
        answer:
          'Tidak wajib. Survei Kepuasan Masyarakat bersifat sukarela, tidak memerlukan nama, dan jawaban Anda **tidak memengaruhi** layanan yang Anda terima. Nilai yang jujur, termasuk yang rendah, membantu kami tahu apa yang harus diperbaiki.',
      },
      en: {
        questions: [
          'Do I have to fill in the satisfaction survey?',
          'Does the survey need my name?',
          'Will a low score affect my application?',
          'Is the survey mandatory?',
        ],
        answer:
          'No. The Community Satisfaction Survey is voluntary, does not require your name, and your answers **do not affect** the service you receive. Honest scores, including low ones, help us know what to improve.',
      },
    },
  },
  {
    key: 'faq-bahasa-inggris',
    category: 'pengaduan',
    articleKey: 'permintaan-informasi',
    translations: {
      id: {
        questions: [
          'Apakah saya boleh menulis laporan dalam bahasa Inggris?',
          'Bisa dilayani pakai bahasa Inggris?',
          'Layanan untuk orang asing yang tidak bisa bahasa Indonesia',
        ],
        answer:
          'Boleh. Loket tersedia dalam bahasa Indonesia dan bahasa Inggris. Pilih bahasa di bagian atas halaman, lalu tulis laporan dalam bahasa yang Anda kuasai. Petugas akan menjawab dalam bahasa yang sama bila memungkinkan.',
      },
      en: {
        questions: [
          'Can I write my report in English?',
          'Do you answer in English?',
          'I do not speak Indonesian, can you help me?',
        ],
        answer:
          'Yes. Loket is available in Indonesian and English. Choose the language at the top of the page, then write your report in the language you are comfortable with. Officers answer in the same language where possible.',
      },
    },
  },
  {
    key: 'faq-lampiran-laporan',
    category: 'pengaduan',
    articleKey: 'pengaduan-cara',
    translations: {
      id: {
        questions: [
          'Berkas apa saja yang bisa dilampirkan pada laporan?',
          'Bisa kirim foto bukti?',
          'Perlu lampirkan foto KTP?',
        ],
        answer:
          'Anda dapat melampirkan foto (JPG, PNG, WebP) atau PDF; jumlah dan ukurannya ditampilkan di formulir. Lampiran tidak wajib. **Jangan melampirkan foto KTP, KK, atau paspor** kecuali petugas memintanya, dan jangan menulis kata sandi atau nomor rekening.',
      },
      en: {
        questions: [
          'What files can I attach to a report?',
          'Can I send a photo as evidence?',
          'Should I attach a photo of my ID card?',
        ],
        answer:
          'You can attach photos (JPG, PNG, WebP) or PDFs; the number and size allowed are shown on the form. Attachments are optional. **Do not attach photos of your ID card, family card or passport** unless an officer asks for them, and never write passwords or bank account numbers.',
      },
    },
  },
  {
    key: 'faq-belum-puas',
    category: 'pengaduan',
    articleKey: 'cek-status-laporan',
    translations: {
      id: {
        questions: [
          'Laporan saya ditandai selesai padahal belum, bagaimana?',
          'Tidak puas dengan jawaban petugas',
          'Cara membuka kembali pengaduan',
        ],
        answer:
          'Jika masalah Anda belum teratasi, buka [halaman status laporan](/status) dengan kode pelacakan dan kunci akses, lalu tekan **"Belum, buka kembali"** dan jelaskan apa yang belum selesai. Laporan kembali ditangani petugas. Jika tetap tidak puas, Anda dapat melapor melalui SP4N-LAPOR! di [lapor.go.id](https://www.lapor.go.id) atau kepada Ombudsman Republik Indonesia.',
      },
      en: {
        questions: [
          'My report was marked resolved but it is not, what do I do?',
          "I am not happy with the officer's answer",
          'How do I reopen a complaint?',
        ],
        answer:
          'If your problem has not been solved, open the [report status page](/status) with your tracking code and access key, press **"No, reopen it"** and explain what is not solved. The report goes back to an officer. If you are still not satisfied, you can report through SP4N-LAPOR! at [lapor.go.id](https://www.lapor.go.id) or to the Ombudsman of the Republic of Indonesia.',
      },
    },
  },
  {
    key: 'faq-tambah-keterangan',
    category: 'pengaduan',
    articleKey: 'cek-status-laporan',
    translations: {
      id: {
        questions: [
          'Bagaimana menambahkan keterangan pada laporan yang sudah dikirim?',
          'Lupa melampirkan bukti, bisa susulan?',
          'Petugas minta data tambahan, kirim ke mana?',
        ],
        answer:
          'Buka [halaman status laporan](/status) dengan kode pelacakan dan kunci akses, lalu isi **"Tambahkan tanggapan"**. Di sana Anda dapat menulis keterangan tambahan atau mengirim dokumen yang diminta petugas. Tidak perlu membuat laporan baru.',
      },
      en: {
        questions: [
          'How do I add information to a report I already sent?',
          'I forgot to attach evidence, can I send it later?',
          'The officer asked for more details, where do I send them?',
        ],
        answer:
          'Open the [report status page](/status) with your tracking code and access key, then use **"Add a reply"**. There you can write more details or send the documents an officer asked for. There is no need to create a new report.',
      },
    },
  },
  {
    key: 'faq-pujian-petugas',
    category: 'pengaduan',
    articleKey: 'pendapat-saran',
    translations: {
      id: {
        questions: [
          'Bagaimana cara memberi pujian kepada petugas?',
          'Mau berterima kasih ke petugas yang membantu',
          'Petugasnya ramah banget, mau kasih apresiasi',
        ],
        answer:
          'Terima kasih! Kirim melalui [Sampaikan pujian](/submit/compliment) dan sebutkan kapan, di loket mana, dan nama atau ciri-ciri petugasnya. Pujian Anda diteruskan kepada petugas dan pimpinan. Mohon jangan memberi hadiah atau uang kepada petugas: itu dilarang.',
      },
      en: {
        questions: [
          'How can I compliment an officer?',
          'I want to thank an officer who helped me',
          'The staff were very kind, how do I give feedback?',
        ],
        answer:
          "Thank you! Send it through [Give a compliment](/submit/compliment) and say when, at which counter, and the officer's name or description. Your compliment is passed on to the officer and the leadership. Please do not give officers gifts or money: that is not allowed.",
      },
    },
  },
  {
    key: 'faq-situs-evisa-resmi',
    category: 'orang-asing',
    articleKey: 'evisa',
    translations: {
      id: {
        questions: [
          'Apa alamat situs resmi e-Visa Indonesia?',
          'Situs visa Indonesia yang asli yang mana?',
          'Apakah agen visa online resmi?',
        ],
        answer:
          'Situs resmi e-Visa Indonesia adalah [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id). Situs lain yang menawarkan visa Indonesia bukan situs resmi: mereka dapat memungut biaya tambahan atau menyalahgunakan data Anda. Periksa alamat situs sebelum membayar.',
      },
      en: {
        questions: [
          'What is the official Indonesian e-Visa website?',
          'Which Indonesia visa site is the real one?',
          'Are online visa agents official?',
        ],
        answer:
          'The official Indonesian e-Visa site is [evisa.imigrasi.go.id](https://evisa.imigrasi.go.id). Other sites offering Indonesian visas are not official: they may charge extra or misuse your data. Check the site address before you pay.',
      },
    },
  },
  {
    key: 'faq-lapor-go-id',
    category: 'pengaduan',
    articleKey: 'pengaduan-cara',
    translations: {
      id: {
        questions: [
          'Apakah saya bisa mengadu melalui LAPOR! atau Ombudsman?',
          'Bedanya lapor di sini dan di lapor.go.id',
          'Ke mana lagi mengadu kalau kantor imigrasi tidak merespons?',
        ],
        answer:
          'Bisa. SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) adalah saluran pengaduan pelayanan publik nasional, dan Ombudsman Republik Indonesia mengawasi pelayanan publik. Melapor langsung di Loket biasanya paling cepat karena laporan langsung sampai ke kantor ini. Jika tidak ditanggapi dalam batas waktu, Anda dapat membawa laporan ke LAPOR! atau Ombudsman.',
      },
      en: {
        questions: [
          'Can I complain through LAPOR! or the Ombudsman?',
          'What is the difference between reporting here and at lapor.go.id?',
          'Where else can I complain if the office does not respond?',
        ],
        answer:
          'Yes. SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) is the national public service complaint channel, and the Ombudsman of the Republic of Indonesia oversees public services. Reporting directly in Loket is usually fastest because the report reaches this office at once. If it is not answered within the time limits, you can take it to LAPOR! or the Ombudsman.',
      },
    },
  },
  {
    key: 'faq-apa-itu-loket',
    category: 'pengaduan',
    articleKey: 'pengaduan-cara',
    translations: {
      id: {
        questions: ['Apa itu Loket?', 'Situs ini milik siapa?', 'Apakah ini situs resmi kantor imigrasi?'],
        answer:
          'Loket adalah pusat informasi dan layanan pengaduan resmi Kantor Imigrasi Kelas I Khusus TPI Surabaya, kantor Direktorat Jenderal Imigrasi di bawah Kementerian Imigrasi dan Pemasyarakatan (Kemenimipas). Di sini Anda dapat mencari informasi, bertanya, menyampaikan pengaduan, pendapat, pujian, atau laporan pelanggaran integritas, dan memantau tindak lanjutnya dengan kode pelacakan. Permohonan paspor sendiri tetap didaftarkan melalui aplikasi M-Paspor.',
      },
      en: {
        questions: [
          'What is Loket?',
          'Who runs this website?',
          'Is this the official site of the immigration office?',
        ],
        answer:
          'Loket is the official information center and complaint service of the Surabaya Class I Special Immigration Office (TPI), an office of the Directorate General of Immigration under the Ministry of Immigration and Corrections (Kementerian Imigrasi dan Pemasyarakatan, Kemenimipas). Here you can find information, ask questions, make complaints, give opinions or compliments, report integrity problems, and follow them up with a tracking code. Passport applications themselves are still booked through the M-Paspor app.',
      },
    },
  },
  {
    key: 'faq-asisten-otomatis',
    category: 'pengaduan',
    articleKey: 'permintaan-informasi',
    translations: {
      id: {
        questions: [
          'Apakah yang menjawab ini petugas atau mesin?',
          'Jawaban asisten ini bisa dipercaya?',
          'Bisa bicara dengan petugas langsung?',
        ],
        answer:
          'Asisten ini otomatis. Jawabannya hanya diambil dari artikel, tanya jawab, tarif, dan standar pelayanan yang diterbitkan kantor, dan selalu menyebutkan sumbernya. Untuk urusan pribadi, misalnya permohonan Anda sendiri, kirim [permintaan informasi](/submit/request) agar dijawab petugas.',
      },
      en: {
        questions: [
          'Am I talking to a person or a machine?',
          "Can I trust the assistant's answers?",
          'Can I talk to an officer?',
        ],
        answer:
          'This assistant is automatic. Its answers come only from the articles, questions and answers, fees and service standards published by the office, and it always shows its source. For personal matters, such as your own application, send an [information request](/submit/request) so an officer can answer.',
      },
    },
  },
  {
    key: 'faq-aplikasi-bermasalah',
    category: 'antrean',
    articleKey: 'mpaspor-daftar',
    translations: {
      id: {
        questions: [
          'Aplikasi M-Paspor error, tidak bisa login',
          'Tidak bisa unggah dokumen di M-Paspor',
          'Kode OTP M-Paspor tidak masuk',
        ],
        answer:
          'Coba lagi beberapa saat kemudian dan pastikan aplikasi sudah versi terbaru. Jika masih gagal, kirim [permintaan informasi](/submit/request) dengan memilih layanan "Website, aplikasi, dan media sosial", dan tuliskan pesan kesalahan yang muncul (tangkapan layar boleh dilampirkan). **Jangan** memberikan kata sandi atau kode OTP kepada siapa pun, termasuk yang mengaku petugas.',
      },
      en: {
        questions: [
          'The M-Paspor app shows an error and I cannot log in',
          'I cannot upload documents in M-Paspor',
          'I do not receive the M-Paspor OTP code',
        ],
        answer:
          'Try again a little later and make sure the app is the latest version. If it still fails, send an [information request](/submit/request), choose the service "Website, app and social media", and describe the error message (you may attach a screenshot). **Never** give your password or OTP code to anyone, including someone claiming to be an officer.',
      },
    },
  },
  {
    key: 'faq-pas-foto',
    category: 'paspor',
    articleKey: 'paspor-alur-waktu',
    translations: {
      id: {
        questions: [
          'Apakah perlu membawa pas foto untuk paspor?',
          'Foto paspor bawa sendiri atau difoto di kantor?',
          'Perlu cetak foto 4x6?',
        ],
        answer:
          'Tidak perlu. Foto paspor diambil langsung di kantor imigrasi, bersamaan dengan pengambilan sidik jari, sebelum wawancara. Datanglah dengan penampilan rapi dan wajah yang terlihat jelas.',
      },
      en: {
        questions: [
          'Do I need to bring passport photos?',
          'Do I bring my own photo or is it taken at the office?',
          'Should I print a photo for my passport?',
        ],
        answer:
          'No. The passport photo is taken at the immigration office, together with your fingerprints, before the interview. Come neatly dressed with your face clearly visible.',
      },
    },
  },
  {
    key: 'faq-dokumen-asli',
    category: 'paspor',
    articleKey: 'paspor-syarat-dewasa',
    translations: {
      id: {
        questions: [
          'Apakah dokumen asli harus dibawa saat datang ke kantor?',
          'Sudah unggah di M-Paspor, masih perlu bawa berkas?',
          'Perlu fotokopi dokumen?',
        ],
        answer:
          'Ya, bawa **dokumen asli** yang Anda unggah di M-Paspor, misalnya e-KTP, Kartu Keluarga, dan akta kelahiran atau ijazah, serta paspor lama jika ada. Petugas mencocokkan dokumen asli dengan unggahan Anda saat pemeriksaan berkas. Jika ragu perlu fotokopi atau tidak, tanyakan melalui [permintaan informasi](/submit/request).',
      },
      en: {
        questions: [
          'Do I have to bring the original documents to the office?',
          'I uploaded everything in M-Paspor, do I still bring documents?',
          'Do I need photocopies?',
        ],
        answer:
          'Yes, bring the **original documents** you uploaded in M-Paspor, for example your e-KTP, family card, and birth certificate or diploma, plus your old passport if you have one. The officer compares the originals with your uploads at the document check. If unsure whether photocopies are needed, ask through an [information request](/submit/request).',
      },
    },
  },
  {
    key: 'faq-beda-nomor',
    category: 'pengaduan',
    articleKey: 'cek-status-laporan',
    translations: {
      id: {
        questions: [
          'Apa beda kode pelacakan dengan nomor permohonan paspor?',
          'Nomor permohonan paspor bisa dicek di halaman status laporan?',
          'Kode SBY itu apa?',
        ],
        answer:
          '**Kode pelacakan** (misalnya SBY-26-7K3Q9MX) adalah nomor laporan Anda di Loket: pengaduan, permintaan informasi, pendapat, atau pujian. **Nomor permohonan paspor** ada di bukti pembayaran dan tanda terima dari kantor. Halaman [cek status laporan](/status) hanya untuk kode pelacakan. Untuk menanyakan permohonan paspor, kirim [permintaan informasi](/submit/request) dengan menyebutkan nomor permohonan.',
      },
      en: {
        questions: [
          'What is the difference between a tracking code and a passport application number?',
          'Can I check my passport application on the report status page?',
          'What is the SBY code?',
        ],
        answer:
          'The **tracking code** (for example SBY-26-7K3Q9MX) is the number of your report in Loket: a complaint, information request, opinion or compliment. The **passport application number** is on the payment proof and the receipt from the office. The [report status](/status) page only works with tracking codes. To ask about a passport application, send an [information request](/submit/request) with the application number.',
      },
    },
  },
  {
    key: 'faq-hilang-di-luar-negeri',
    category: 'paspor',
    articleKey: 'paspor-hilang',
    translations: {
      id: {
        questions: [
          'Paspor hilang waktu sedang di luar negeri',
          'Kecopetan paspor waktu liburan di luar negeri',
          'Kehilangan paspor di Malaysia',
          'Paspor hilang di negara lain',
        ],
        answer:
          'Laporkan kehilangan kepada polisi setempat dan minta surat keterangannya, lalu segera hubungi **Perwakilan Republik Indonesia (KBRI atau KJRI)** terdekat. Perwakilan RI akan membantu dokumen perjalanan agar Anda dapat kembali atau melanjutkan perjalanan. Kantor imigrasi di Indonesia tidak dapat menerbitkan dokumen untuk Anda selama Anda berada di luar negeri.',
      },
      en: {
        questions: [
          'My passport was lost while I was abroad',
          'My passport was stolen while travelling overseas',
          'Lost my Indonesian passport in another country',
        ],
        answer:
          'Report the loss to the local police and ask for a report letter, then contact the nearest **Indonesian mission (embassy or consulate, KBRI or KJRI)** at once. The mission will help with a travel document so you can return or continue your journey. The immigration office in Indonesia cannot issue a document for you while you are abroad.',
      },
    },
  },
  {
    key: 'faq-hapus-data',
    category: 'kantor',
    articleKey: 'data-pribadi',
    translations: {
      id: {
        questions: [
          'Bagaimana meminta data pribadi saya dihapus?',
          'Saya ingin menarik persetujuan pemrosesan data',
          'Minta salinan data saya di Loket',
        ],
        answer:
          'Kirim [permintaan informasi](/submit/request) dan sebutkan kode pelacakan laporan yang Anda maksud serta apa yang Anda minta: salinan, perbaikan, penghapusan, atau penarikan persetujuan. Jika Anda menarik persetujuan, pemrosesan dihentikan paling lambat 3 × 24 jam. Data yang wajib disimpan menurut peraturan tetap disimpan sampai masa simpannya berakhir, dan kami menjelaskannya kepada Anda.',
      },
      en: {
        questions: [
          'How do I ask for my personal data to be deleted?',
          'I want to withdraw my consent to data processing',
          'Can I get a copy of my data in Loket?',
        ],
        answer:
          'Send an [information request](/submit/request) giving the tracking code of the report concerned and what you want: a copy, a correction, erasure, or withdrawal of consent. If you withdraw consent, processing stops within 3 × 24 hours. Data that the law requires us to keep is kept until its retention period ends, and we explain this to you.',
      },
    },
  },
];
