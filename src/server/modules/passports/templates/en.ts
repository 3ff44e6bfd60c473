import type { PassportMailCatalogue } from './types.js';

/** Texts of the passport stage-change e-mail (English). */
export const en: PassportMailCatalogue = {
  subject: '[{{application.number}}] Your passport application: {{stage.name}}',
  text: `Dear passport applicant {{applicant.initials}},

Passport application {{application.number}} is now at the stage: {{stage.name}}.

{{next.step}}
{{#note}}
{{note}}
{{/note}}{{#expected}}
Expected ready: {{expected}}.
{{/expected}}
{{#survey}}
How was our service? Rate it in the satisfaction survey (9 short questions): {{survey}}
{{/survey}}
Check the status at any time at {{links.status}} with the application number and date of birth.

Kind regards,
{{office.name}}`,
  html: `<p>Dear passport applicant {{applicant.initials}},</p>
<p>Passport application <strong>{{application.number}}</strong> is now at the stage: <strong>{{stage.name}}</strong>.</p>
<p>{{next.step}}</p>
{{#note}}<p><strong>{{note}}</strong></p>{{/note}}
{{#expected}}<p>Expected ready: {{expected}}.</p>{{/expected}}
{{#survey}}<p><a href="{{survey}}">Rate our service in the satisfaction survey</a></p>{{/survey}}
<p><a href="{{links.status}}">Check the application</a> with the application number and date of birth.</p>
<p>Kind regards,<br>{{office.name}}</p>`,
  automaticNotice:
    'This e-mail was sent automatically by {{office}} because you agreed to hear about application {{number}}.',
  unsubscribeLine: 'Stop news about this application: {{url}}',
  unsubscribeLink: 'Stop news about this application',
  unsubscribeTitle: 'Stop passport application e-mails',
  unsubscribeQuestion: 'Stop e-mails about passport application {{number}}?',
  unsubscribeButton: 'Yes, stop',
  unsubscribeDone:
    'You will get no more e-mails about application {{number}}. You can still check it on the portal.',
  unsubscribeInvalid: 'This link is not valid.',
};
