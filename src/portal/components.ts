import { type HtmlValue, html, type SafeHtml } from './html.js';
import type { Translate } from './messages/index.js';
import { CSRF_FIELD } from './security.js';

/** A problem with one form field, shown next to the field and in the error summary that links to it. */
export interface FieldError {
  field: string;
  message: string;
}

export type FieldErrors = FieldError[];

export const fieldId = (name: string) => `f-${name}`;

export function errorFor(errors: FieldErrors, name: string): string | undefined {
  return errors.find((e) => e.field === name)?.message;
}

/** GOV.UK-style error summary: announced first, each problem a link to its field. */
export function errorSummary(t: Translate, errors: FieldErrors): SafeHtml | '' {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t('error.summary_title')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${fieldId(e.field)}">${e.message}</a></li>`)}</ul>
</div>`;
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function hintAndError(name: string, hint: string | undefined, error: string | undefined, t: Translate) {
  return html`${hint ? html`<p class="hint" id="${fieldId(name)}-hint">${hint}</p>` : ''}${
    error
      ? html`<p class="error-message" id="${fieldId(name)}-error"><span class="visually-hidden">${t('layout.error_prefix')}</span>${error}</p>`
      : ''
  }`;
}

export interface InputOptions {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  short?: boolean;
  required?: boolean;
  spellcheck?: boolean;
  inputmode?: string;
}

export function textInput(t: Translate, o: InputOptions): SafeHtml {
  const describe = describedBy(o.name, o.hint, o.error);
  return html`<div class="field${o.error ? ' field--error' : ''}">
<label for="${fieldId(o.name)}">${o.label}</label>
${hintAndError(o.name, o.hint, o.error, t)}
<input type="${o.type ?? 'text'}" id="${fieldId(o.name)}" name="${o.name}" value="${o.value ?? ''}"${
    o.short ? html` class="input--short"` : ''
  }${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${
    o.spellcheck === false ? html` spellcheck="false" autocapitalize="characters"` : ''
  }${describe ? html` aria-describedby="${describe}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${
    o.required ? html` required` : ''
  }>
</div>`;
}

export function textArea(t: Translate, o: InputOptions & { rows?: number }): SafeHtml {
  const describe = describedBy(o.name, o.hint, o.error);
  return html`<div class="field${o.error ? ' field--error' : ''}">
<label for="${fieldId(o.name)}">${o.label}</label>
${hintAndError(o.name, o.hint, o.error, t)}
<textarea id="${fieldId(o.name)}" name="${o.name}" rows="${o.rows ?? 8}"${
    describe ? html` aria-describedby="${describe}"` : ''
  }${o.error ? html` aria-invalid="true"` : ''}${o.required ? html` required` : ''}>${o.value ?? ''}</textarea>
</div>`;
}

export function select(
  t: Translate,
  o: InputOptions & {
    groups: { label: string; options: { value: string; label: string }[] }[];
    none: string;
  },
): SafeHtml {
  const describe = describedBy(o.name, o.hint, o.error);
  const option = (value: string, label: string) =>
    html`<option value="${value}"${value === (o.value ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<div class="field${o.error ? ' field--error' : ''}">
<label for="${fieldId(o.name)}">${o.label}</label>
${hintAndError(o.name, o.hint, o.error, t)}
<select id="${fieldId(o.name)}" name="${o.name}"${describe ? html` aria-describedby="${describe}"` : ''}${
    o.error ? html` aria-invalid="true"` : ''
  }>
${option('', o.none)}
${o.groups.map((g) => html`<optgroup label="${g.label}">${g.options.map((x) => option(x.value, x.label))}</optgroup>`)}
</select>
</div>`;
}

export function checkbox(
  t: Translate,
  o: { name: string; label: string; hint?: string; checked?: boolean; error?: string; value?: string },
): SafeHtml {
  const describe = describedBy(o.name, o.hint, o.error);
  return html`<div class="check${o.error ? ' field--error' : ''}">
<input type="checkbox" id="${fieldId(o.name)}" name="${o.name}" value="${o.value ?? '1'}"${
    o.checked ? html` checked` : ''
  }${describe ? html` aria-describedby="${describe}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>
<div><label for="${fieldId(o.name)}">${o.label}</label>${hintAndError(o.name, o.hint, o.error, t)}</div>
</div>`;
}

export function fileInput(t: Translate, o: { name: string; label: string; hint: string; error?: string }) {
  const describe = describedBy(o.name, o.hint, o.error);
  return html`<div class="field${o.error ? ' field--error' : ''}">
<label for="${fieldId(o.name)}">${o.label}</label>
${hintAndError(o.name, o.hint, o.error, t)}
<input type="file" id="${fieldId(o.name)}" name="${o.name}" multiple accept="image/jpeg,image/png,image/webp,application/pdf"${
    describe ? html` aria-describedby="${describe}"` : ''
  }${o.error ? html` aria-invalid="true"` : ''}>
</div>`;
}

/** Hidden inputs; the CSRF token always comes first so it is read before any file. */
export function hidden(fields: Record<string, string | undefined>): SafeHtml {
  return html`${Object.entries(fields).map(([name, value]) =>
    value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`,
  )}`;
}

export function csrfInput(token: string): SafeHtml {
  return hidden({ [CSRF_FIELD]: token });
}

/** A field people cannot see or reach; programs that fill every field give themselves away. */
export function honeypot(t: Translate): SafeHtml {
  return html`<div class="hp" aria-hidden="true"><label for="f-website">${t('submit.honeypot')}</label><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"></div>`;
}

export function button(
  label: HtmlValue,
  o: { name?: string; value?: string; kind?: 'secondary' | 'warning' | 'link' } = {},
) {
  return html`<button type="submit" class="button${o.kind ? ` button--${o.kind}` : ''}"${
    o.name ? html` name="${o.name}" value="${o.value ?? ''}"` : ''
  }>${label}</button>`;
}
