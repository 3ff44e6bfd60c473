import type { SeedFee } from './types.js';

const PP_45_2024 = 'PP 45/2024';
const PP_45_2024_TO_CONFIRM = 'PP 45/2024 (to be confirmed by the office)';
const IN_FORCE_FROM = '2024-12-17';

/**
 * Passport fees of PP 45/2024, in force since 17 December 2024 (it replaced PP 28/2019). The two replacement fees
 * are marked in the project's reference notes as still to be confirmed, so their legal basis says so.
 * The superseded PP 28/2019 rows are left out: their exact start date could not be sourced.
 */
export const SEED_FEES: SeedFee[] = [
  {
    code: 'PASPOR_BIASA_5TH',
    serviceCode: 'paspor',
    names: {
      id: 'Paspor biasa non-elektronik, masa berlaku paling lama 5 tahun',
      en: 'Ordinary non-electronic passport, valid for up to 5 years',
    },
    amount: 350_000,
    legalBasis: PP_45_2024,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'PASPOR_BIASA_10TH',
    serviceCode: 'paspor',
    names: {
      id: 'Paspor biasa non-elektronik, masa berlaku paling lama 10 tahun',
      en: 'Ordinary non-electronic passport, valid for up to 10 years',
    },
    amount: 650_000,
    legalBasis: PP_45_2024,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'EPASPOR_5TH',
    serviceCode: 'paspor',
    names: {
      id: 'Paspor elektronik (e-paspor), masa berlaku paling lama 5 tahun',
      en: 'Electronic passport (e-passport), valid for up to 5 years',
    },
    amount: 650_000,
    legalBasis: PP_45_2024,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'EPASPOR_10TH',
    serviceCode: 'paspor',
    names: {
      id: 'Paspor elektronik (e-paspor), masa berlaku paling lama 10 tahun',
      en: 'Electronic passport (e-passport), valid for up to 10 years',
    },
    amount: 950_000,
    legalBasis: PP_45_2024,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'PERCEPATAN',
    serviceCode: 'paspor',
    names: {
      id: 'Layanan percepatan paspor (selesai pada hari yang sama), di luar biaya paspor',
      en: 'Same-day passport service (percepatan), on top of the passport fee',
    },
    amount: 1_000_000,
    legalBasis: PP_45_2024,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'GANTI_HILANG',
    serviceCode: 'paspor',
    names: {
      id: 'Penggantian paspor yang hilang',
      en: 'Replacement of a lost passport',
    },
    amount: 1_000_000,
    legalBasis: PP_45_2024_TO_CONFIRM,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
  {
    code: 'GANTI_RUSAK',
    serviceCode: 'paspor',
    names: {
      id: 'Penggantian paspor yang rusak',
      en: 'Replacement of a damaged passport',
    },
    amount: 500_000,
    legalBasis: PP_45_2024_TO_CONFIRM,
    validFrom: IN_FORCE_FROM,
    validTo: null,
  },
];
