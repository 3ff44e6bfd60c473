import type { SeedCategory } from './types.js';

export const SEED_CATEGORIES: SeedCategory[] = [
  {
    key: 'paspor',
    names: { id: 'Paspor', en: 'Passports' },
    descriptions: {
      id: 'Jenis paspor, biaya, persyaratan, lama proses, serta paspor hilang atau rusak.',
      en: 'Passport types, fees, requirements, processing times, and lost or damaged passports.',
    },
  },
  {
    key: 'antrean',
    names: { id: 'Antrean M-Paspor dan pembayaran', en: 'M-Paspor booking and payment' },
    descriptions: {
      id: 'Mendaftar antrean lewat aplikasi M-Paspor, membayar dengan kode billing, dan layanan tanpa antrean.',
      en: 'Booking through the M-Paspor app, paying with a billing code, and service without booking.',
    },
  },
  {
    key: 'pengaduan',
    names: { id: 'Pengaduan, informasi, dan saran', en: 'Complaints, information and feedback' },
    descriptions: {
      id: 'Cara menyampaikan pengaduan, meminta informasi, memberi pendapat, dan memantau laporan di Loket.',
      en: 'How to complain, request information, give feedback and follow your report in Loket.',
    },
  },
  {
    key: 'integritas',
    names: { id: 'Pungli dan calo', en: 'Extortion and brokers' },
    descriptions: {
      id: 'Cara menghindari dan melaporkan pungutan liar, suap, dan calo dengan aman.',
      en: 'How to avoid and safely report illegal charges, bribes and brokers.',
    },
  },
  {
    key: 'kantor',
    names: { id: 'Tentang kantor', en: 'About the office' },
    descriptions: {
      id: 'Standar pelayanan, maklumat, survei kepuasan, jam layanan, kontak, dan perlindungan data pribadi.',
      en: 'Service standards, service pledge, satisfaction survey, opening hours, contacts and personal data.',
    },
  },
  {
    key: 'orang-asing',
    names: { id: 'Izin tinggal dan visa', en: 'Stay permits and visas' },
    descriptions: {
      id: 'Informasi umum untuk warga negara asing: ITAS, ITAP, overstay, visa on arrival, dan e-Visa.',
      en: 'General information for foreign nationals: ITAS, ITAP, overstay, visa on arrival and e-Visa.',
    },
  },
];
