import type { SeedMaklumat } from './types.js';

/** The demo office's service pledge. The maklumat article quotes this text, so the two never diverge. */
export const SEED_MAKLUMAT: SeedMaklumat = {
  effectiveFrom: '2025-01-02',
  text: {
    id: `Kami, pimpinan dan seluruh pegawai Kantor Imigrasi Kelas I Khusus TPI Surabaya, menyatakan sanggup:
- memberikan pelayanan sesuai standar pelayanan yang telah ditetapkan;
- melayani dengan cepat, mudah, pasti, terjangkau, dan akuntabel;
- melayani setiap orang dengan sopan dan setara, serta mendahulukan lansia, penyandang disabilitas, ibu hamil, dan anak;
- menolak pungutan liar, suap, gratifikasi, dan calo dalam bentuk apa pun;
- menjaga kerahasiaan data pribadi pemohon;
- menanggapi setiap pengaduan, saran, dan masukan dalam batas waktu yang ditentukan;
- melakukan perbaikan secara terus-menerus.

Apabila kami tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan.`,
    en: `We, the leadership and all staff of the Surabaya Class I Special Immigration Office (TPI), declare that we commit to:
- deliver the service according to the established service standards;
- serve quickly, easily, with certainty, affordably and accountably;
- serve everyone politely and equally, and give priority to the elderly, people with disabilities, pregnant women and children;
- refuse illegal charges, bribes, gratuities and brokers in any form;
- keep applicants' personal data confidential;
- respond to every complaint, suggestion and piece of feedback within the set time limits;
- keep improving continuously.

If we fail to keep this pledge, we are ready to accept sanctions in accordance with the law.`,
  },
};
