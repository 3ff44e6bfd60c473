import type { Language } from '../../../shared/enums.js';
import { SKM_ELEMENTS, type SkmAnswers, type SkmElement } from './ikm.js';

/** Where an SKM answer came from: a one-time link after a case or passport, the counter kiosk, or the portal. */
export const SKM_SOURCES = ['case', 'passport', 'kiosk', 'web'] as const;
export type SkmSource = (typeof SKM_SOURCES)[number];

/**
 * The optional respondent profile of the questionnaire (PermenPANRB 14/2017, lampiran: umur, jenis kelamin,
 * pendidikan, pekerjaan). Bands and groups, never anything that identifies a person.
 */
export const PROFILE_CHOICES = {
  ageBand: ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'],
  sex: ['female', 'male'],
  education: ['primary', 'junior', 'senior', 'diploma', 'bachelor', 'postgraduate'],
  occupation: ['civil_servant', 'military_police', 'private', 'entrepreneur', 'student', 'other'],
} as const;

export type ProfileField = keyof typeof PROFILE_CHOICES;
export const PROFILE_FIELDS = Object.keys(PROFILE_CHOICES) as ProfileField[];
export type SkmProfile = { [F in ProfileField]?: (typeof PROFILE_CHOICES)[F][number] };

export function isProfileValue(field: ProfileField, value: unknown): boolean {
  return typeof value === 'string' && (PROFILE_CHOICES[field] as readonly string[]).includes(value);
}

export interface SkmResponseInput {
  officeCode: string;
  serviceCode: string;
  answers: SkmAnswers;
  profile?: SkmProfile;
  language: Language;
  source: SkmSource;
}

/**
 * The standard wording of the four answers per element, as in the questionnaire of PermenPANRB 14/2017's annex
 * (1 = worst … 4 = best). Indonesian is the regulation's text; English is our translation.
 */
export const ANSWER_WORDING: Record<
  Language,
  Record<SkmElement, readonly [string, string, string, string]>
> = {
  id: {
    u1: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    u2: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
    u3: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
    u4: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
    u5: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    u6: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
    u7: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    u8: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    u9: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  en: {
    u1: ['Not as stated', 'Partly as stated', 'As stated', 'Fully as stated'],
    u2: ['Not easy', 'Not very easy', 'Easy', 'Very easy'],
    u3: ['Not fast', 'Not very fast', 'Fast', 'Very fast'],
    u4: ['Very expensive', 'Fairly expensive', 'Cheap', 'Free'],
    u5: ['Not as stated', 'Partly as stated', 'As stated', 'Fully as stated'],
    u6: ['Not competent', 'Not very competent', 'Competent', 'Very competent'],
    u7: [
      'Not polite or friendly',
      'Not very polite or friendly',
      'Polite and friendly',
      'Very polite and friendly',
    ],
    u8: ['Poor', 'Adequate', 'Good', 'Very good'],
    u9: ['None', 'Exists but does not work', 'Works, not fully', 'Well managed'],
  },
};

/** The element names (unsur) of the regulation and the question each asks. */
export const ELEMENT_TEXT: Record<Language, Record<SkmElement, { name: string; question: string }>> = {
  id: {
    u1: {
      name: 'Persyaratan',
      question:
        'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    },
    u2: {
      name: 'Sistem, Mekanisme, dan Prosedur',
      question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    },
    u3: {
      name: 'Waktu Penyelesaian',
      question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    },
    u4: {
      name: 'Biaya/Tarif',
      question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    },
    u5: {
      name: 'Produk Spesifikasi Jenis Pelayanan',
      question:
        'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    },
    u6: {
      name: 'Kompetensi Pelaksana',
      question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    },
    u7: {
      name: 'Perilaku Pelaksana',
      question:
        'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    },
    u8: {
      name: 'Sarana dan Prasarana',
      question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    },
    u9: {
      name: 'Penanganan Pengaduan, Saran dan Masukan',
      question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    },
  },
  en: {
    u1: { name: 'Requirements', question: 'How well did the requirements match the service you used?' },
    u2: {
      name: 'System, mechanism and procedure',
      question: 'How easy was the service procedure at this office?',
    },
    u3: { name: 'Completion time', question: 'How fast was the service delivered?' },
    u4: { name: 'Cost/fee', question: 'How reasonable was the cost or fee of the service?' },
    u5: {
      name: 'Service product',
      question: 'How well did what you received match what the service standard promises?',
    },
    u6: { name: 'Staff competence', question: 'How competent were the staff who served you?' },
    u7: { name: 'Staff behaviour', question: 'How polite and friendly were the staff?' },
    u8: { name: 'Facilities', question: 'How good were the facilities and infrastructure?' },
    u9: {
      name: 'Handling of complaints, suggestions and input',
      question: 'How well does the office handle complaints from service users?',
    },
  },
};

export { SKM_ELEMENTS };
