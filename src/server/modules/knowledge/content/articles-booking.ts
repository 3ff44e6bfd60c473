import type { SeedArticle } from './types.js';

/** Booking a passport appointment in M-Paspor, paying, rescheduling, and coming without booking. */
export const BOOKING_ARTICLES: SeedArticle[] = [
  {
    key: 'mpaspor-daftar',
    category: 'antrean',
    tags: ['m-paspor', 'antrean', 'pendaftaran', 'kuota'],
    related: ['mpaspor-bayar', 'mpaspor-ubah-jadwal', 'mpaspor-kuota-penuh'],
    translations: {
      id: {
        slug: 'daftar-antrean-paspor-m-paspor',
        title: 'Cara mendaftar antrean paspor lewat aplikasi M-Paspor',
        summary:
          'Permohonan paspor dimulai dengan mendaftar antrean di aplikasi M-Paspor: pilih kantor dan tanggal yang kuotanya tersedia, unggah dokumen, lalu bayar dengan kode billing paling lambat 2 jam.',
        body: `## Langkah
1. Pasang aplikasi **M-Paspor** dari toko aplikasi resmi di ponsel Anda, lalu buat akun.
2. Pilih jenis permohonan dan isi data diri sesuai e-KTP.
3. Pilih **kantor imigrasi** dan **tanggal kedatangan**. Aplikasi menampilkan sisa kuota setiap tanggal.
4. **Unggah dokumen** persyaratan.
5. Anda menerima **kode billing**. Bayar paling lambat **2 jam** setelah kode diterbitkan.
6. Datang ke kantor pada tanggal yang dipilih dengan membawa dokumen asli.

## Perlu diketahui
- Pendaftaran di M-Paspor tidak dipungut biaya. Biaya yang dibayar hanya biaya paspor melalui kode billing.
- Tanggal kedatangan dapat diubah **satu kali**.
- Lansia di atas 60 tahun, penyandang disabilitas, dan anak di bawah 5 tahun boleh datang tanpa mendaftar, selama kuota harian masih tersedia.
- Jika aplikasi bermasalah, kirim [permintaan informasi](/submit/request) dan jelaskan pesan kesalahan yang muncul.`,
      },
      en: {
        slug: 'booking-passport-appointment-m-paspor',
        title: 'How to book a passport appointment in the M-Paspor app',
        summary:
          'A passport application starts with booking in the M-Paspor app: choose an office and a date with quota available, upload your documents, then pay with the billing code within 2 hours.',
        body: `## Steps
1. Install the **M-Paspor** app from your phone's official app store and create an account.
2. Choose the application type and enter your personal data as on your e-KTP.
3. Choose the **immigration office** and the **arrival date**. The app shows the remaining quota for each date.
4. **Upload** the required documents.
5. You receive a **billing code**. Pay within **2 hours** of its issue.
6. Come to the office on the chosen date, bringing the original documents.

## Good to know
- Booking in M-Paspor is free of charge. The only payment is the passport fee through the billing code.
- The arrival date can be changed **once**.
- Elderly people over 60, people with disabilities and children under 5 may come without booking, as long as the daily quota is not used up.
- If the app does not work, send an [information request](/submit/request) and describe the error message you see.`,
      },
    },
  },
  {
    key: 'mpaspor-bayar',
    category: 'antrean',
    tags: ['m-paspor', 'pembayaran', 'kode billing', 'biaya'],
    related: ['mpaspor-daftar'],
    translations: {
      id: {
        slug: 'membayar-paspor-dengan-kode-billing',
        title: 'Membayar biaya paspor dengan kode billing',
        summary:
          'Setelah mendaftar di M-Paspor, Anda menerima kode billing. Bayar sesuai jumlah yang tertera paling lambat 2 jam setelah kode diterbitkan, melalui kanal pembayaran yang ditunjukkan di aplikasi.',
        body: `## Langkah
1. Selesaikan pendaftaran di aplikasi **M-Paspor**.
2. Catat **kode billing** dan jumlah yang harus dibayar.
3. Bayar **paling lambat 2 jam** setelah kode diterbitkan, melalui kanal pembayaran yang ditunjukkan di aplikasi (misalnya bank atau kantor pos).
4. Simpan **bukti pembayaran** dan bawa saat datang ke kantor.

## Jika terlambat membayar
Setelah 2 jam, kode billing tidak dapat dipakai lagi. Jangan membayar ke kode yang sudah kedaluwarsa; umumnya Anda perlu mendaftar ulang di M-Paspor untuk mendapat jadwal dan kode billing baru.

## Jumlah yang dibayar
Jumlahnya sesuai jenis paspor dan masa berlaku (PP 45/2024):
- Paspor biasa non-elektronik: {{fee:PASPOR_BIASA_5TH}} (5 tahun) atau {{fee:PASPOR_BIASA_10TH}} (10 tahun).
- Paspor elektronik: {{fee:EPASPOR_5TH}} (5 tahun) atau {{fee:EPASPOR_10TH}} (10 tahun).

## Hati-hati
- Bayar **hanya** ke kode billing resmi atas nama Anda. Jangan mentransfer uang ke rekening pribadi siapa pun.
- Petugas tidak menerima uang tunai untuk biaya paspor.
- Jika ada yang meminta bayaran di luar kode billing, [laporkan](/integrity).`,
      },
      en: {
        slug: 'paying-passport-fee-billing-code',
        title: 'Paying the passport fee with a billing code',
        summary:
          'After booking in M-Paspor you receive a billing code. Pay the amount shown within 2 hours of its issue, through the payment channels shown in the app.',
        body: `## Steps
1. Complete your booking in the **M-Paspor** app.
2. Note the **billing code** and the amount to pay.
3. Pay **within 2 hours** of the code's issue, through the payment channels shown in the app (for example a bank or the post office).
4. Keep the **payment proof** and bring it when you come to the office.

## If you pay late
After 2 hours the billing code can no longer be used. Do not pay to an expired code; you usually need to book again in M-Paspor to get a new date and billing code.

## Amount to pay
The amount depends on the passport type and validity (PP 45/2024):
- Ordinary non-electronic passport: {{fee:PASPOR_BIASA_5TH}} (5 years) or {{fee:PASPOR_BIASA_10TH}} (10 years).
- Electronic passport: {{fee:EPASPOR_5TH}} (5 years) or {{fee:EPASPOR_10TH}} (10 years).

## Be careful
- Pay **only** to the official billing code in your name. Never transfer money to anyone's personal account.
- Officers do not accept cash for passport fees.
- If anyone asks for payment outside the billing code, [report it](/integrity).`,
      },
    },
  },
  {
    key: 'mpaspor-ubah-jadwal',
    category: 'antrean',
    tags: ['m-paspor', 'jadwal', 'ubah jadwal', 'reschedule'],
    related: ['mpaspor-daftar', 'mpaspor-kuota-penuh'],
    translations: {
      id: {
        slug: 'mengubah-jadwal-kedatangan-m-paspor',
        title: 'Mengubah atau mengganti jadwal kedatangan di M-Paspor',
        summary:
          'Tanggal kedatangan yang sudah Anda pilih di M-Paspor dapat diubah (dipindahkan) satu kali, ke tanggal lain yang kuotanya masih tersedia.',
        body: `## Langkah
1. Buka aplikasi **M-Paspor** dan pilih permohonan Anda.
2. Pilih menu untuk mengubah jadwal.
3. Pilih tanggal baru yang kuotanya masih tersedia.
4. Simpan bukti jadwal yang baru.

## Perlu diketahui
- Jadwal hanya dapat diubah **satu kali**. Pilih tanggal baru dengan cermat.
- Jika Anda tidak dapat datang lagi pada tanggal yang baru, kirim [permintaan informasi](/submit/request) untuk menanyakan langkah selanjutnya. Sebutkan nomor permohonan Anda.`,
      },
      en: {
        slug: 'changing-arrival-date-m-paspor',
        title: 'Changing or moving your appointment date in M-Paspor',
        summary:
          'The arrival date (appointment) you chose in M-Paspor can be changed once, to another date that still has quota.',
        body: `## Steps
1. Open the **M-Paspor** app and select your application.
2. Choose the option to change the schedule.
3. Pick a new date that still has quota.
4. Keep the proof of the new schedule.

## Good to know
- The date can be changed **only once**. Choose the new date carefully.
- If you cannot come on the new date either, send an [information request](/submit/request) to ask what to do next. Mention your application number.`,
      },
    },
  },
  {
    key: 'layanan-tanpa-antrean',
    category: 'antrean',
    tags: ['prioritas', 'lansia', 'disabilitas', 'balita', 'tanpa antrean'],
    related: ['mpaspor-daftar', 'paspor-syarat-anak'],
    translations: {
      id: {
        slug: 'layanan-prioritas-tanpa-m-paspor',
        title: 'Siapa yang boleh datang tanpa mendaftar di M-Paspor',
        summary:
          'Lansia yang berusia di atas 60 tahun, penyandang disabilitas, dan anak di bawah 5 tahun boleh datang langsung ke kantor tanpa mendaftar di M-Paspor, selama kuota harian masih tersedia.',
        body: `## Yang boleh datang langsung
- **Lansia** berusia di atas 60 tahun.
- **Penyandang disabilitas**.
- **Anak di bawah 5 tahun** (balita), didampingi orang tua.

## Yang perlu diperhatikan
- Layanan ini memakai **kuota harian**. Jika kuota hari itu sudah habis, Anda akan diminta datang di hari lain. Datanglah pagi-pagi.
- Persyaratan dan biayanya sama dengan permohonan biasa. Bawa semua dokumen asli.
- Sampaikan kepada petugas informasi saat tiba bahwa Anda datang untuk layanan prioritas.
- Jika membutuhkan bantuan khusus (kursi roda, pendamping), sampaikan kepada petugas saat tiba.

Pemohon lain, termasuk ibu hamil, tetap mendaftar lewat M-Paspor. Di kantor, sampaikan kepada petugas jika Anda membutuhkan bantuan.`,
      },
      en: {
        slug: 'priority-service-without-m-paspor',
        title: 'Who may come without booking in M-Paspor',
        summary:
          'Elderly people over 60, people with disabilities and children under 5 may come to the office without booking in M-Paspor, as long as the daily quota is not used up.',
        body: `## Who may come directly
- **Elderly people** over 60 years old.
- **People with disabilities**.
- **Children under 5**, accompanied by their parents.

## Keep in mind
- This service has a **daily quota**. If the day's quota is used up, you will be asked to come on another day. Come early in the morning.
- The requirements and fees are the same as for an ordinary application. Bring all original documents.
- When you arrive, tell the information officer that you came for the priority service.
- If you need special help (a wheelchair, a companion), tell an officer when you arrive.

Other applicants, including pregnant women, still book through M-Paspor. At the office, tell an officer if you need help.`,
      },
    },
  },
  {
    key: 'mpaspor-kuota-penuh',
    category: 'antrean',
    tags: ['m-paspor', 'kuota penuh', 'antrean'],
    related: ['mpaspor-daftar', 'layanan-tanpa-antrean'],
    translations: {
      id: {
        slug: 'kuota-m-paspor-penuh',
        title: 'Kuota M-Paspor penuh: apa yang bisa dilakukan',
        summary:
          'Jika kuota di M-Paspor penuh, periksa lagi secara berkala karena kuota dapat bertambah, pilih tanggal lain, atau pilih kantor imigrasi lain yang masih memiliki kuota. Jangan membeli slot antrean dari siapa pun.',
        body: `## Yang bisa Anda lakukan
1. **Periksa lagi secara berkala.** Kuota dapat bertambah, misalnya karena ada pemohon yang mengubah jadwal.
2. **Pilih tanggal lain** yang masih tersedia.
3. **Pilih kantor imigrasi lain** yang tersedia di aplikasi dan masih memiliki kuota.
4. Jika Anda lansia di atas 60 tahun, penyandang disabilitas, atau mendaftarkan anak di bawah 5 tahun, Anda boleh datang tanpa mendaftar, selama kuota harian masih tersedia.

## Jangan
- **Jangan membeli slot antrean** dari calo atau akun media sosial. Pendaftaran di M-Paspor tidak dipungut biaya.
- Jangan menyerahkan akun M-Paspor, kata sandi, atau kode OTP kepada orang lain.

Jika Anda punya keperluan mendesak dan kuota tetap penuh, kirim [permintaan informasi](/submit/request) dan jelaskan keperluan serta tanggal keberangkatan Anda.`,
      },
      en: {
        slug: 'm-paspor-quota-full',
        title: 'M-Paspor quota full: what you can do',
        summary:
          'If there are no slots available in M-Paspor (the quota is full), check again regularly because quota can open up, choose another date, or choose another immigration office that still has quota. Never buy a queue slot from anyone.',
        body: `## What you can do
1. **Check again regularly.** Quota can open up, for example when other applicants change their dates.
2. **Choose another date** that is still available.
3. **Choose another immigration office** listed in the app that still has quota.
4. If you are over 60, have a disability, or are applying for a child under 5, you may come without booking, as long as the daily quota is not used up.

## Do not
- **Do not buy a queue slot** from brokers or social media accounts. Booking in M-Paspor is free of charge.
- Do not give your M-Paspor account, password or OTP code to anyone.

If you have an urgent need and the quota stays full, send an [information request](/submit/request) explaining your need and your departure date.`,
      },
    },
  },
];
