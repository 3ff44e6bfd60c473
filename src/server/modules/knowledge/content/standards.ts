import type { SeedServiceStandard } from './types.js';

/**
 * Service standards of the demo office (UU 25/2009 Pasal 21, 14 components). Figures follow the project's
 * reference notes; processing times that are only commonly quoted are written as "usually", never as a promise.
 */
export const SEED_SERVICE_STANDARDS: SeedServiceStandard[] = [
  {
    serviceCode: 'paspor',
    legalBasis: 'UU 6/2011; UU 25/2009; PP 45/2024; UU 27/2022; PermenPANRB 15/2014',
    effectiveFrom: '2024-12-17',
    components: {
      legal_basis: {
        id: `- Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian.
- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.
- Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.
- Peraturan Pemerintah Nomor 45 Tahun 2024 tentang jenis dan tarif penerimaan negara bukan pajak (berlaku sejak 17 Desember 2024, menggantikan PP 28/2019).
- Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan.`,
        en: `- Law No. 6 of 2011 on Immigration.
- Law No. 25 of 2009 on Public Service.
- Law No. 27 of 2022 on Personal Data Protection.
- Government Regulation No. 45 of 2024 on the types and rates of non-tax state revenue (in force since 17 December 2024, replacing PP 28/2019).
- Regulation of the Minister for Administrative and Bureaucratic Reform (PermenPANRB) No. 15 of 2014 on Service Standard Guidelines.`,
      },
      requirements: {
        id: `**Dewasa**
1. e-KTP yang masih berlaku, atau surat keterangan pindah ke luar negeri.
2. Kartu Keluarga.
3. Salah satu dari akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis.
4. Surat keputusan pewarganegaraan, bagi yang memperoleh kewarganegaraan melalui pewarganegaraan.
5. Penetapan pengadilan tentang perubahan nama, jika nama pernah berubah.
6. Paspor lama, jika ada.

**Anak di bawah 17 tahun**
1. e-KTP ayah atau ibu.
2. Kartu Keluarga.
3. Akta kelahiran anak.
4. Akta perkawinan atau buku nikah orang tua.
5. Penetapan pengadilan tentang perubahan nama, jika ada.
6. Paspor lama anak, jika ada.
7. Paspor ayah dan ibu. Kedua orang tua hadir, atau salah satu hadir dengan surat kuasa dari yang lain.

**Anak yang bepergian tanpa orang tua**: tambahan e-KTP dan paspor pendamping serta surat pernyataan orang tua bermeterai.

**Penggantian paspor hilang**: tambahan surat keterangan kehilangan dari kepolisian. **Penggantian paspor rusak**: tambahan paspor yang rusak.`,
        en: `**Adults**
1. A valid e-KTP (electronic identity card), or a letter of moving abroad.
2. Kartu Keluarga (family card).
3. One of: birth certificate, marriage certificate or marriage book, school diploma, or baptism letter.
4. Naturalisation decree, for those who became citizens through naturalisation.
5. Court decree on a change of name, if the name has changed.
6. The old passport, if any.

**Children under 17**
1. The father's or mother's e-KTP.
2. Kartu Keluarga (family card).
3. The child's birth certificate.
4. The parents' marriage certificate or marriage book.
5. Court decree on a change of name, if any.
6. The child's old passport, if any.
7. The father's and mother's passports. Both parents attend, or one attends with a power of attorney from the other.

**A child travelling without parents**: in addition, the companion's e-KTP and passport and a statement from the parents on duty stamp (meterai).

**Replacing a lost passport**: in addition, a loss report letter from the police. **Replacing a damaged passport**: in addition, the damaged passport.`,
      },
      procedure: {
        id: `1. Pemohon mendaftar antrean di aplikasi M-Paspor: memilih kantor dan tanggal kedatangan (kuota ditampilkan) dan mengunggah dokumen.
2. Pemohon menerima kode billing dan membayar paling lambat 2 jam setelah kode diterbitkan. Tanggal kedatangan dapat diubah satu kali.
3. Lansia di atas 60 tahun, penyandang disabilitas, dan anak di bawah 5 tahun dapat datang tanpa mendaftar, dalam batas kuota harian.
4. Di kantor: pemeriksaan berkas, pembayaran (jika belum), foto dan sidik jari, wawancara.
5. Verifikasi dan persetujuan (adjudikasi).
6. Pencetakan paspor.
7. Pengambilan paspor dengan tanda terima dan e-KTP.`,
        en: `1. The applicant books in the M-Paspor app: chooses the office and arrival date (quota shown) and uploads the documents.
2. The applicant receives a billing code and pays within 2 hours of its issue. The arrival date can be changed once.
3. Elderly people over 60, people with disabilities and children under 5 may come without booking, within a daily quota.
4. At the office: document check, payment (if not yet made), photo and fingerprints, interview.
5. Verification and approval (adjudication).
6. Printing of the passport.
7. Collection of the passport with the receipt and e-KTP.`,
      },
      completion_time: {
        id: `- Layanan reguler: umumnya 4 hari kerja.
- Layanan percepatan: umumnya selesai pada hari yang sama.
- Penggantian paspor hilang atau rusak dapat memerlukan waktu lebih lama karena ada pemeriksaan.

Hari kerja tidak termasuk Sabtu, Minggu, hari libur nasional, dan cuti bersama. Berkas yang belum lengkap menunda penyelesaian.`,
        en: `- Regular service: usually 4 working days.
- Same-day service (percepatan): usually completed on the same day.
- Replacing a lost or damaged passport can take longer because of the examination.

Working days exclude Saturdays, Sundays, public holidays and collective leave days (cuti bersama). Incomplete documents delay completion.`,
      },
      fees: {
        id: `Sesuai PP 45/2024 (berlaku sejak 17 Desember 2024), dibayar hanya melalui kode billing:
- Paspor biasa non-elektronik, paling lama 5 tahun: {{fee:PASPOR_BIASA_5TH}}
- Paspor biasa non-elektronik, paling lama 10 tahun: {{fee:PASPOR_BIASA_10TH}}
- Paspor elektronik, paling lama 5 tahun: {{fee:EPASPOR_5TH}}
- Paspor elektronik, paling lama 10 tahun: {{fee:EPASPOR_10TH}}
- Layanan percepatan, di luar biaya paspor: {{fee:PERCEPATAN}}
- Penggantian paspor hilang: {{fee:GANTI_HILANG}} (masih dikonfirmasi oleh kantor)
- Penggantian paspor rusak: {{fee:GANTI_RUSAK}} (masih dikonfirmasi oleh kantor)

Pendaftaran antrean di M-Paspor tidak dipungut biaya.`,
        en: `According to PP 45/2024 (in force since 17 December 2024), paid only through the billing code:
- Ordinary non-electronic passport, up to 5 years: {{fee:PASPOR_BIASA_5TH}}
- Ordinary non-electronic passport, up to 10 years: {{fee:PASPOR_BIASA_10TH}}
- Electronic passport, up to 5 years: {{fee:EPASPOR_5TH}}
- Electronic passport, up to 10 years: {{fee:EPASPOR_10TH}}
- Same-day service, on top of the passport fee: {{fee:PERCEPATAN}}
- Replacement of a lost passport: {{fee:GANTI_HILANG}} (to be confirmed by the office)
- Replacement of a damaged passport: {{fee:GANTI_RUSAK}} (to be confirmed by the office)

Booking in M-Paspor is free of charge.`,
      },
      product: {
        id: 'Paspor biasa non-elektronik atau paspor elektronik (e-paspor) bagi warga negara Indonesia, dengan masa berlaku paling lama 5 atau 10 tahun.',
        en: 'An ordinary non-electronic passport or an electronic passport (e-passport) for Indonesian citizens, valid for up to 5 or 10 years.',
      },
      facilities: {
        id: `- Aplikasi M-Paspor untuk pendaftaran antrean dan unggah dokumen.
- Ruang tunggu dengan nomor antrean dan papan informasi.
- Loket dan tempat duduk prioritas untuk lansia, penyandang disabilitas, ibu hamil, dan orang tua dengan balita.
- Ruang foto dan perekaman sidik jari, ruang wawancara.
- Pusat informasi daring (Loket) yang tersedia 24 jam.`,
        en: `- The M-Paspor app for booking and uploading documents.
- A waiting room with queue numbers and information boards.
- Priority counters and seats for the elderly, people with disabilities, pregnant women and parents with toddlers.
- Photo and fingerprint rooms, interview rooms.
- An online information center (Loket) available 24 hours a day.`,
      },
      staff_competence: {
        id: 'Pegawai imigrasi yang memahami peraturan keimigrasian dan dokumen perjalanan, terlatih memeriksa keaslian dokumen, melakukan wawancara, mengoperasikan perangkat biometrik, melayani dengan sopan, dan melindungi data pribadi.',
        en: 'Immigration officers who know the immigration and travel document regulations, are trained to check document authenticity, conduct interviews, operate biometric equipment, serve politely and protect personal data.',
      },
      internal_supervision: {
        id: 'Pengawasan melekat oleh atasan langsung secara berjenjang, pemantauan kepatuhan waktu layanan, dan pengawasan oleh Inspektorat Jenderal Kementerian Imigrasi dan Pemasyarakatan.',
        en: 'Continuous supervision by line managers at every level, monitoring of service-time compliance, and oversight by the Inspectorate General of the Ministry of Immigration and Corrections (Kementerian Imigrasi dan Pemasyarakatan).',
      },
      complaint_handling: {
        id: `- Melalui Loket: [Sampaikan pengaduan](/submit/complaint), [Minta informasi](/submit/request), [Beri pendapat atau saran](/submit/opinion), dan [Laporkan pelanggaran integritas](/integrity). Setiap laporan mendapat kode pelacakan dan kunci akses.
- Melalui saluran kontak kantor dan petugas informasi di kantor.
- Laporan diverifikasi dan diteruskan paling lambat 3 hari kerja, lalu ditindaklanjuti paling lambat 5 hari kerja.
- Jika tidak puas: SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) atau Ombudsman Republik Indonesia.`,
        en: `- Through Loket: [Make a complaint](/submit/complaint), [Request information](/submit/request), [Give an opinion or suggestion](/submit/opinion) and [Report an integrity problem](/integrity). Every report gets a tracking code and an access key.
- Through the office's contact channels and the information officers at the office.
- Reports are verified and routed within 3 working days, then followed up within 5 working days.
- If not satisfied: SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) or the Ombudsman of the Republic of Indonesia.`,
      },
      staff_count: {
        id: 'Jumlah petugas di setiap tahap ditetapkan oleh kepala kantor sesuai beban layanan (sekitar 200 pemohon paspor per hari pada 2023; 127.354 paspor diterbitkan pada 2024) dan diumumkan di ruang layanan.',
        en: 'The number of officers at each step is set by the head of office according to the workload (about 200 passport applicants a day in 2023; 127,354 passports issued in 2024) and published in the service hall.',
      },
      service_guarantee: {
        id: 'Layanan diberikan sesuai standar pelayanan ini dan maklumat pelayanan kantor. Jika standar tidak dipenuhi, pemohon berhak menyampaikan pengaduan dan mendapat tanggapan dalam batas waktu yang ditentukan.',
        en: "The service is delivered according to this service standard and the office's service pledge. If the standard is not met, the applicant has the right to complain and to receive a response within the set time limits.",
      },
      security_guarantee: {
        id: 'Data pribadi pemohon dijaga kerahasiaannya sesuai UU 27/2022 dan hanya dipakai untuk penerbitan paspor. Pembayaran hanya melalui kode billing resmi. Ruang layanan dilengkapi sarana keselamatan dan petunjuk evakuasi.',
        en: "Applicants' personal data is kept confidential under UU 27/2022 and used only to issue the passport. Payment is made only through the official billing code. The service hall has safety equipment and evacuation signs.",
      },
      performance_evaluation: {
        id: 'Survei Kepuasan Masyarakat paling sedikit sekali setahun (PermenPANRB 14/2017), evaluasi berkala atas kepatuhan waktu layanan dan pengaduan yang masuk, serta peninjauan standar pelayanan ini bersama masyarakat.',
        en: 'A Community Satisfaction Survey at least once a year (PermenPANRB 14/2017), regular evaluation of service-time compliance and the complaints received, and review of this service standard together with the public.',
      },
    },
  },
  {
    serviceCode: 'layanan-umum',
    legalBasis: 'UU 25/2009; UU 27/2022; PermenPANRB 5/2025; SE IMI-003.HH.01.04 Tahun 2025',
    effectiveFrom: '2025-11-03',
    components: {
      legal_basis: {
        id: `- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.
- Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.
- Peraturan Menteri PANRB Nomor 5 Tahun 2025 tentang pengelolaan pengaduan pelayanan publik nasional (SP4N).
- Surat Edaran Nomor IMI-003.HH.01.04 Tahun 2025 tentang Pedoman Pengelolaan Contact Center di lingkungan Direktorat Jenderal Imigrasi.`,
        en: `- Law No. 25 of 2009 on Public Service.
- Law No. 27 of 2022 on Personal Data Protection.
- PermenPANRB No. 5 of 2025 on national public service complaint management (SP4N).
- Circular No. IMI-003.HH.01.04 of 2025 on Contact Center Management Guidelines within the Directorate General of Immigration.`,
      },
      requirements: {
        id: `- Uraian masalah, pertanyaan, atau saran: apa, kapan, dan di mana.
- Nomor permohonan, jika menyangkut permohonan paspor atau izin tinggal.
- Persetujuan pemrosesan data untuk menangani laporan.
- Nama dan kontak tidak wajib; laporan dapat disampaikan secara anonim.`,
        en: `- A description of the problem, question or suggestion: what, when and where.
- The application number, if it concerns a passport or stay permit application.
- Consent to process the data needed to handle the report.
- Name and contact details are optional; reports may be anonymous.`,
      },
      procedure: {
        id: `1. Pelapor mengirim laporan melalui Loket atau saluran kontak kantor.
2. Pelapor menerima kode pelacakan dan kunci akses.
3. Pengelola pengaduan memverifikasi laporan dan meneruskannya ke unit yang bertanggung jawab.
4. Unit tersebut menindaklanjuti dan menjawab secara tertulis di halaman status laporan.
5. Pelapor menyatakan masalah selesai, atau membuka kembali laporan jika belum selesai.`,
        en: `1. The reporter sends a report through Loket or the office's contact channels.
2. The reporter receives a tracking code and an access key.
3. The complaint handler verifies the report and routes it to the responsible unit.
4. That unit follows it up and answers in writing on the report status page.
5. The reporter confirms the problem is solved, or reopens the report if it is not.`,
      },
      completion_time: {
        id: `- Verifikasi dan penerusan: paling lambat 3 hari kerja setelah laporan diterima.
- Tindak lanjut oleh unit yang bertanggung jawab: paling lambat 5 hari kerja setelah diteruskan.
- Laporan yang memerlukan pemeriksaan lebih lanjut: pelapor diberi tahu perkembangannya dan perkiraan waktunya.`,
        en: `- Verification and routing: within 3 working days of receipt.
- Follow-up by the responsible unit: within 5 working days of routing.
- Reports that need further examination: the reporter is told of progress and the expected time.`,
      },
      fees: {
        id: 'Tidak dipungut biaya.',
        en: 'Free of charge.',
      },
      product: {
        id: 'Jawaban atau tanggapan tertulis dan tindak lanjut atas laporan, dengan kode pelacakan dan riwayat penanganan yang dapat dipantau pelapor.',
        en: 'A written answer or response and follow-up to the report, with a tracking code and a handling history the reporter can follow.',
      },
      facilities: {
        id: `- Loket: portal pengaduan dan pusat informasi daring yang tersedia 24 jam.
- Telepon, WhatsApp, dan email kantor.
- Meja informasi dan pengaduan di kantor.`,
        en: `- Loket: the complaint portal and online information center, available 24 hours a day.
- The office's phone, WhatsApp and e-mail.
- An information and complaint desk at the office.`,
      },
      staff_competence: {
        id: 'Pengelola pengaduan yang memahami layanan keimigrasian, terampil berkomunikasi secara lisan dan tertulis, mampu menangani keluhan dengan empati, dan memahami pelindungan data pribadi.',
        en: 'Complaint handlers who know the immigration services, communicate well orally and in writing, handle complaints with empathy, and understand personal data protection.',
      },
      internal_supervision: {
        id: 'Pemantauan batas waktu setiap laporan oleh supervisor, pengawasan melekat oleh atasan langsung, dan pengawasan oleh Inspektorat Jenderal Kementerian Imigrasi dan Pemasyarakatan. Laporan integritas ditangani terpisah dari unit yang dilaporkan.',
        en: 'Supervisors monitor the time limit of every report, line managers supervise continuously, and the Inspectorate General of the Ministry of Immigration and Corrections provides oversight. Integrity reports are handled separately from the unit reported.',
      },
      complaint_handling: {
        id: 'Keberatan atas penanganan laporan dapat disampaikan kepada pimpinan kantor melalui Loket dengan membuka kembali laporan atau mengirim pengaduan baru, atau melalui SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) dan Ombudsman Republik Indonesia.',
        en: "Objections to how a report was handled can be raised with the office's leadership through Loket, by reopening the report or sending a new complaint, or through SP4N-LAPOR! ([lapor.go.id](https://www.lapor.go.id)) and the Ombudsman of the Republic of Indonesia.",
      },
      staff_count: {
        id: 'Jumlah pengelola pengaduan dan petugas informasi ditetapkan oleh kepala kantor sesuai volume laporan dan pedoman contact center, dan diumumkan di ruang layanan.',
        en: 'The number of complaint handlers and information officers is set by the head of office according to the volume of reports and the contact center guidelines, and published in the service hall.',
      },
      service_guarantee: {
        id: 'Setiap laporan mendapat kode pelacakan dan tanggapan dalam batas waktu yang ditentukan, sesuai maklumat pelayanan kantor.',
        en: "Every report receives a tracking code and a response within the set time limits, in line with the office's service pledge.",
      },
      security_guarantee: {
        id: 'Pelapor dapat memilih anonim dan rahasia. Identitas pelapor tidak pernah diberikan kepada pihak yang dilaporkan. Kunci akses disimpan dalam bentuk yang tidak dapat dibaca kembali, dan data pribadi dilindungi sesuai UU 27/2022.',
        en: "Reporters can choose to be anonymous and confidential. The reporter's identity is never given to the party reported. Access keys are stored in a form that cannot be read back, and personal data is protected under UU 27/2022.",
      },
      performance_evaluation: {
        id: 'Evaluasi berkala atas kepatuhan batas waktu, laporan yang dibuka kembali, dan unsur penanganan pengaduan dalam Survei Kepuasan Masyarakat (PermenPANRB 14/2017).',
        en: 'Regular evaluation of time-limit compliance, reopened reports, and the complaint-handling element of the Community Satisfaction Survey (PermenPANRB 14/2017).',
      },
    },
  },
];
