import type { EmailCatalogue } from './types.js';

/** Indonesian texts of the e-mails to citizens (the defaults each office can change in the console). */
export const id: EmailCatalogue = {
  templates: {
    receipt: {
      subject: '[{{case.trackingCode}}] Laporan Anda kami terima: {{case.subject}}',
      text: `Yth. {{citizen.name}},

Terima kasih. Laporan Anda telah kami terima dengan kode pelacakan {{case.trackingCode}}.
{{#accessKey}}
Kunci akses Anda: {{accessKey}}
Simpan kode dan kunci ini: keduanya diperlukan untuk melihat laporan Anda di {{links.status}}.
Jangan berikan kunci ini kepada siapa pun; petugas kami tidak akan pernah memintanya.
{{/accessKey}}{{^accessKey}}
Gunakan kode ini bersama kunci akses yang ditampilkan saat Anda mengirim laporan untuk memantaunya di {{links.status}}.
{{/accessKey}}
Perihal: {{case.subject}}

Kami akan menanggapi sesuai standar pelayanan. Anda dapat membalas e-mail ini untuk menambahkan keterangan.

Salam,
{{office.name}}`,
      html: `<p>Yth. {{citizen.name}},</p>
<p>Terima kasih. Laporan Anda telah kami terima dengan kode pelacakan <strong>{{case.trackingCode}}</strong>.</p>
{{#accessKey}}<p>Kunci akses Anda: <strong>{{accessKey}}</strong><br>Simpan kode dan kunci ini: keduanya diperlukan untuk melihat laporan Anda. Jangan berikan kunci ini kepada siapa pun; petugas kami tidak akan pernah memintanya.</p>{{/accessKey}}
{{^accessKey}}<p>Gunakan kode ini bersama kunci akses yang ditampilkan saat Anda mengirim laporan untuk memantaunya.</p>{{/accessKey}}
<p>Perihal: {{case.subject}}</p>
<p><a href="{{links.status}}">Lihat status laporan</a></p>
<p>Kami akan menanggapi sesuai standar pelayanan. Anda dapat membalas e-mail ini untuk menambahkan keterangan.</p>
<p>Salam,<br>{{office.name}}</p>`,
    },
    reply: {
      subject: 'Re: [{{case.trackingCode}}] {{case.subject}}',
      text: `Yth. {{citizen.name}},

{{reply.text}}

{{reply.author}}
{{office.name}}

Balas e-mail ini untuk menjawab. Status laporan: {{links.status}}`,
      html: `<p>Yth. {{citizen.name}},</p>
<p>{{reply.text}}</p>
<p>{{reply.author}}<br>{{office.name}}</p>
<p>Balas e-mail ini untuk menjawab. <a href="{{links.status}}">Lihat status laporan</a></p>`,
    },
    status: {
      subject: '[{{case.trackingCode}}] Status laporan Anda: {{status.name}}',
      text: `Yth. {{citizen.name}},

Status laporan Anda "{{case.subject}}" kini: {{status.name}}.
{{#status.reason}}
Keterangan: {{status.reason}}
{{/status.reason}}
Lihat laporan Anda di {{links.status}}

Salam,
{{office.name}}`,
      html: `<p>Yth. {{citizen.name}},</p>
<p>Status laporan Anda "{{case.subject}}" kini: <strong>{{status.name}}</strong>.</p>
{{#status.reason}}<p>Keterangan: {{status.reason}}</p>{{/status.reason}}
<p><a href="{{links.status}}">Lihat status laporan</a></p>
<p>Salam,<br>{{office.name}}</p>`,
    },
    resolved: {
      subject: '[{{case.trackingCode}}] Laporan Anda telah diselesaikan',
      text: `Yth. {{citizen.name}},

Laporan Anda "{{case.subject}}" telah kami selesaikan.
{{#status.reason}}
Keterangan: {{status.reason}}
{{/status.reason}}
Jika masalah Anda belum teratasi, Anda dapat membukanya kembali di {{links.status}} atau membalas e-mail ini.

Bagaimana pelayanan kami? Beri penilaian Anda: {{links.satisfaction}}

Salam,
{{office.name}}`,
      html: `<p>Yth. {{citizen.name}},</p>
<p>Laporan Anda "{{case.subject}}" telah kami selesaikan.</p>
{{#status.reason}}<p>Keterangan: {{status.reason}}</p>{{/status.reason}}
<p>Jika masalah Anda belum teratasi, Anda dapat <a href="{{links.status}}">membukanya kembali</a> atau membalas e-mail ini.</p>
<p><a href="{{links.satisfaction}}">Beri penilaian atas pelayanan kami</a></p>
<p>Salam,<br>{{office.name}}</p>`,
    },
  },
  texts: {
    citizenFallbackName: 'Bapak/Ibu',
    staffFallbackName: 'Petugas',
    automaticNotice: 'E-mail ini dikirim otomatis oleh {{office}} tentang laporan {{code}}.',
    unsubscribeLine: 'Berhenti menerima e-mail tentang laporan ini: {{url}}',
    unsubscribeLink: 'Berhenti menerima e-mail tentang laporan ini',
    unsubscribeTitle: 'Berhenti menerima e-mail',
    unsubscribeQuestion:
      'Anda tidak akan lagi menerima e-mail tentang laporan {{code}}. Laporan Anda tetap diproses dan dapat dipantau di portal.',
    unsubscribeButton: 'Berhenti menerima e-mail',
    unsubscribeDone: 'Selesai. Kami tidak akan lagi mengirim e-mail tentang laporan {{code}}.',
    unsubscribeInvalid: 'Tautan ini tidak valid. Salin seluruh tautan dari e-mail kami.',
    statuses: {
      received: 'Diterima',
      in_progress: 'Sedang diproses',
      waiting_on_citizen: 'Menunggu tanggapan Anda',
      resolved: 'Selesai',
      closed: 'Ditutup',
      rejected: 'Ditolak',
    },
  },
};
