import type { EmailCatalogue } from './types.js';

/** English texts of the e-mails to citizens (the defaults each office can change in the console). */
export const en: EmailCatalogue = {
  templates: {
    receipt: {
      subject: '[{{case.trackingCode}}] We received your report: {{case.subject}}',
      text: `Dear {{citizen.name}},

Thank you. We received your report under tracking code {{case.trackingCode}}.
{{#accessKey}}
Your access key: {{accessKey}}
Keep the code and the key: you need both to see your report at {{links.status}}.
Never share the key; our staff will never ask for it.
{{/accessKey}}{{^accessKey}}
Use this code with the access key shown when you submitted the report to follow it at {{links.status}}.
{{/accessKey}}
Subject: {{case.subject}}

We will respond within our service standards. You can reply to this e-mail to add information.

Kind regards,
{{office.name}}`,
      html: `<p>Dear {{citizen.name}},</p>
<p>Thank you. We received your report under tracking code <strong>{{case.trackingCode}}</strong>.</p>
{{#accessKey}}<p>Your access key: <strong>{{accessKey}}</strong><br>Keep the code and the key: you need both to see your report. Never share the key; our staff will never ask for it.</p>{{/accessKey}}
{{^accessKey}}<p>Use this code with the access key shown when you submitted the report to follow it.</p>{{/accessKey}}
<p>Subject: {{case.subject}}</p>
<p><a href="{{links.status}}">See the status of your report</a></p>
<p>We will respond within our service standards. You can reply to this e-mail to add information.</p>
<p>Kind regards,<br>{{office.name}}</p>`,
    },
    reply: {
      subject: 'Re: [{{case.trackingCode}}] {{case.subject}}',
      text: `Dear {{citizen.name}},

{{reply.text}}

{{reply.author}}
{{office.name}}

Reply to this e-mail to answer. Status of your report: {{links.status}}`,
      html: `<p>Dear {{citizen.name}},</p>
<p>{{reply.text}}</p>
<p>{{reply.author}}<br>{{office.name}}</p>
<p>Reply to this e-mail to answer. <a href="{{links.status}}">See the status of your report</a></p>`,
    },
    status: {
      subject: '[{{case.trackingCode}}] Your report is now: {{status.name}}',
      text: `Dear {{citizen.name}},

The status of your report "{{case.subject}}" is now: {{status.name}}.
{{#status.reason}}
Note: {{status.reason}}
{{/status.reason}}
See your report at {{links.status}}

Kind regards,
{{office.name}}`,
      html: `<p>Dear {{citizen.name}},</p>
<p>The status of your report "{{case.subject}}" is now: <strong>{{status.name}}</strong>.</p>
{{#status.reason}}<p>Note: {{status.reason}}</p>{{/status.reason}}
<p><a href="{{links.status}}">See your report</a></p>
<p>Kind regards,<br>{{office.name}}</p>`,
    },
    resolved: {
      subject: '[{{case.trackingCode}}] Your report has been resolved',
      text: `Dear {{citizen.name}},

We have resolved your report "{{case.subject}}".
{{#status.reason}}
Note: {{status.reason}}
{{/status.reason}}
If your problem is not solved, you can reopen it at {{links.status}} or reply to this e-mail.

How did we do? Rate our service: {{links.satisfaction}}

Kind regards,
{{office.name}}`,
      html: `<p>Dear {{citizen.name}},</p>
<p>We have resolved your report "{{case.subject}}".</p>
{{#status.reason}}<p>Note: {{status.reason}}</p>{{/status.reason}}
<p>If your problem is not solved, you can <a href="{{links.status}}">reopen it</a> or reply to this e-mail.</p>
<p><a href="{{links.satisfaction}}">Rate our service</a></p>
<p>Kind regards,<br>{{office.name}}</p>`,
    },
  },
  texts: {
    citizenFallbackName: 'Sir or Madam',
    staffFallbackName: 'Staff',
    automaticNotice: 'This e-mail was sent automatically by {{office}} about report {{code}}.',
    unsubscribeLine: 'Stop e-mails about this report: {{url}}',
    unsubscribeLink: 'Stop e-mails about this report',
    unsubscribeTitle: 'Stop e-mails',
    unsubscribeQuestion:
      'You will no longer receive e-mails about report {{code}}. Your report is still handled and you can follow it on the portal.',
    unsubscribeButton: 'Stop e-mails',
    unsubscribeDone: 'Done. We will no longer send e-mails about report {{code}}.',
    unsubscribeInvalid: 'This link is not valid. Copy the whole link from our e-mail.',
    statuses: {
      received: 'Received',
      in_progress: 'In progress',
      waiting_on_citizen: 'Waiting for your answer',
      resolved: 'Resolved',
      closed: 'Closed',
      rejected: 'Rejected',
    },
  },
};
