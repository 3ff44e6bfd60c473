import type { PassportMailCatalogue } from './types.js';

/** Teks e-mail perubahan tahap permohonan paspor (bahasa Indonesia). */
export const id: PassportMailCatalogue = {
  subject: '[{{application.number}}] Permohonan paspor Anda: {{stage.name}}',
  text: `Yth. pemohon paspor {{applicant.initials}},

Permohonan paspor {{application.number}} sekarang berada pada tahap: {{stage.name}}.

{{next.step}}
{{#note}}
{{note}}
{{/note}}{{#expected}}
Perkiraan paspor selesai: {{expected}}.
{{/expected}}
{{#survey}}
Bagaimana pelayanan kami? Beri penilaian dalam survei kepuasan (9 pertanyaan singkat): {{survey}}
{{/survey}}
Cek status kapan saja di {{links.status}} dengan nomor permohonan dan tanggal lahir.

Hormat kami,
{{office.name}}`,
  html: `<p>Yth. pemohon paspor {{applicant.initials}},</p>
<p>Permohonan paspor <strong>{{application.number}}</strong> sekarang berada pada tahap: <strong>{{stage.name}}</strong>.</p>
<p>{{next.step}}</p>
{{#note}}<p><strong>{{note}}</strong></p>{{/note}}
{{#expected}}<p>Perkiraan paspor selesai: {{expected}}.</p>{{/expected}}
{{#survey}}<p><a href="{{survey}}">Beri penilaian dalam survei kepuasan</a></p>{{/survey}}
<p><a href="{{links.status}}">Cek status permohonan</a> dengan nomor permohonan dan tanggal lahir.</p>
<p>Hormat kami,<br>{{office.name}}</p>`,
  automaticNotice:
    'E-mail ini dikirim otomatis oleh {{office}} karena Anda setuju diberi kabar tentang permohonan {{number}}.',
  unsubscribeLine: 'Berhenti menerima kabar permohonan ini: {{url}}',
  unsubscribeLink: 'Berhenti menerima kabar permohonan ini',
  unsubscribeTitle: 'Berhenti menerima kabar permohonan paspor',
  unsubscribeQuestion: 'Berhenti menerima e-mail tentang permohonan paspor {{number}}?',
  unsubscribeButton: 'Ya, berhenti',
  unsubscribeDone:
    'Anda tidak akan menerima e-mail lagi tentang permohonan {{number}}. Status tetap dapat dicek di portal.',
  unsubscribeInvalid: 'Tautan ini tidak berlaku.',
};
