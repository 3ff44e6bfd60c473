/** The texts of the stage-change e-mail to an applicant, in one language. Placeholders: `{{name}}`. */
export interface PassportMailCatalogue {
  subject: string;
  text: string;
  html: string;
  automaticNotice: string;
  unsubscribeLine: string;
  unsubscribeLink: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribeDone: string;
  unsubscribeInvalid: string;
}

/** Placeholders the templates use: office.name, application.number, stage.name, next.step, links.status, expected, note. */
export const PASSPORT_PLACEHOLDERS = [
  'office.name',
  'application.number',
  'applicant.initials',
  'stage.name',
  'next.step',
  'links.status',
  'expected',
  'note',
  /** The one-time satisfaction survey link, on the `collected` e-mail only (modules/surveys/). */
  'survey',
] as const;
