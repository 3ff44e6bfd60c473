import { type Language, translate } from '../i18n';

export interface PlaceholderValues {
  /** The citizen's name; null when hidden (anonymous) or not given. */
  citizenName: string | null | undefined;
  trackingCode: string;
  officeName: string;
}

/**
 * Fills a canned response's placeholders: {{citizen_name}}, {{tracking_code}}, {{office_name}} (spaces inside the
 * braces and letter case are forgiven). Without a name, a polite form of address in the response's language is used.
 * Unknown placeholders are left as they are, so a typo stays visible instead of vanishing.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues, language: Language): string {
  const name = values.citizenName?.trim()
    ? values.citizenName.trim()
    : translate(language, 'placeholder.citizen');
  const known: Record<string, string> = {
    citizen_name: name,
    tracking_code: values.trackingCode,
    office_name: values.officeName,
  };
  return body.replace(
    /\{\{\s*([a-zA-Z_]+)\s*\}\}/g,
    (whole, key: string) => known[key.toLowerCase()] ?? whole,
  );
}
