import { type ReactNode, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBeforeUnload, useBlocker } from 'react-router';
import { useShortcuts } from '../../components/Shortcuts';
import type { Language, MessageKey } from '../../i18n';
import { ApiError, errorText } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import {
  collapseUnchanged,
  type DiffSegment,
  diffCounts,
  formatRupiah,
  periodState,
  todayIn,
} from '../../lib/knowledge';
import type { Diff, DiffPart, Fee, ItemStatus, KnowledgeCategory } from '../../lib/knowledge-types';
import { type Block, type Inline, type IssueCode, parseMarkdown } from '../../lib/markdown';
import { applyFormat, type Edit, type Format, insertText } from '../../lib/markdown-edit';

export const BASE = '/staff/knowledge';

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useConsole();
  return <span className={`badge kstatus-${status}`}>{t(`knowledge.status.${status}` as MessageKey)}</span>;
}

export function LanguageTag({ language }: { language: Language }) {
  const { t } = useConsole();
  return (
    <abbr className="tag" title={t(`lang.${language}` as MessageKey)}>
      {language.toUpperCase()}
    </abbr>
  );
}

/** A load failure: 403 explains the role, anything else shows the problem and offers another try. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useConsole();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="state state-error" role="alert">
      <p>{forbidden ? t('knowledge.forbidden') : errorText(error, language)}</p>
      {!forbidden && onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useConsole();
  return (
    <p className="state" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A message under an input, tied to it with aria-describedby by the caller. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}

/** Knowledge categories (all languages), loaded once per screen. */
export function useCategories() {
  const { api } = useConsole();
  return useResource(
    () => api.get<{ items: KnowledgeCategory[] }>(`${BASE}/categories`).then((r) => r.items),
    api,
  );
}

export function categoryName(
  categories: KnowledgeCategory[] | undefined,
  key: string | null,
  language: Language,
) {
  if (!key) return '';
  const category = categories?.find((c) => c.key === key);
  return category ? category.names[language] || category.names.id : key;
}

/** Every fee period, with `inForce` computed for today in Jakarta; used by previews and the fee screen. */
export function useFees() {
  const { api } = useConsole();
  const today = todayIn();
  const resource = useResource(
    () => api.get<{ items: Fee[] }>(`${BASE}/fees?on=${today}`).then((r) => r.items),
    `${today}`,
  );
  return { ...resource, today };
}

// ---- unsaved changes ----

/**
 * Guards unsaved edits: leaving the page inside the console asks first (an accessible dialog), and closing or
 * reloading the tab gets the browser's own warning. `release()` lets one navigation through after a save.
 */
export function useUnsavedChanges(dirty: boolean) {
  const guard = useRef(dirty);
  guard.current = dirty;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      guard.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useBeforeUnload(
    useCallback((event: BeforeUnloadEvent) => {
      if (!guard.current) return;
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    }, []),
  );
  const release = useCallback(() => {
    guard.current = false;
  }, []);
  return { blocker, release };
}

export function UnsavedChangesDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useConsole();
  const stayRef = useRef<HTMLButtonElement>(null);
  const open = blocker.state === 'blocked';
  useEffect(() => {
    if (open) stayRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            blocker.reset?.();
          }
        }}
      >
        <h2 id="unsaved-title">{t('knowledge.unsaved.title')}</h2>
        <p id="unsaved-text">{t('knowledge.unsaved.text')}</p>
        <div className="row">
          <button ref={stayRef} type="button" className="primary" onClick={() => blocker.reset?.()}>
            {t('knowledge.unsaved.stay')}
          </button>
          <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
            {t('knowledge.unsaved.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}

// ---- Markdown preview ----

function InlineView({ nodes, fees, language, today }: InlineContext & { nodes: Inline[] }): ReactNode {
  return nodes.map((node, index) => {
    const key = `${index}-${node.kind}`;
    switch (node.kind) {
      case 'text':
        return <span key={key}>{node.text}</span>;
      case 'strong':
        return (
          <strong key={key}>
            <InlineView nodes={node.children} fees={fees} language={language} today={today} />
          </strong>
        );
      case 'link':
        return (
          <a
            key={key}
            href={node.href}
            target="_blank"
            rel="noopener noreferrer"
            title={node.href}
            className="preview-link"
          >
            <InlineView nodes={node.children} fees={fees} language={language} today={today} />
          </a>
        );
      case 'fee':
        return <FeeValue key={key} code={node.code} fees={fees} language={language} today={today} />;
      default:
        return null;
    }
  });
}

interface InlineContext {
  fees: Fee[] | undefined;
  language: Language;
  today: string;
}

function FeeValue({ code, fees, language, today }: InlineContext & { code: string }) {
  const { t } = useConsole();
  const fee = fees?.find((f) => f.code === code && f.validFrom <= today && (f.validTo ?? '9999') >= today);
  if (!fee) {
    return (
      <mark className="fee fee-missing" title={`{{fee:${code}}}`}>
        {t('knowledge.preview.feeMissing', { code })}
      </mark>
    );
  }
  return (
    <span className="fee" title={`${fee.names[language] || fee.names.id} · {{fee:${code}}}`}>
      {formatRupiah(fee.amount)}
    </span>
  );
}

function BlockView({ block, ...context }: InlineContext & { block: Block }) {
  const inline = (nodes: Inline[]) => <InlineView nodes={nodes} {...context} />;
  switch (block.kind) {
    case 'heading':
      return block.level === 2 ? <h3>{inline(block.children)}</h3> : <h4>{inline(block.children)}</h4>;
    case 'paragraph':
      return <p>{inline(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
        <li key={i}>{inline(item)}</li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                <th key={i} scope="col">
                  {inline(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <tr key={r}>
                {row.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <td key={i}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return null;
  }
}

/**
 * The live preview of Markdown-subset text, rendered as React elements from the parsed tree (no HTML strings), with
 * fees filled from the schedule in force today and a list of problems the author should fix.
 */
export function MarkdownPreview({
  source,
  fees,
  language,
  id,
  label,
}: {
  source: string;
  fees: Fee[] | undefined;
  language: Language;
  id: string;
  label: string;
}) {
  const { t } = useConsole();
  const today = todayIn();
  const known = useMemo(() => (fees ? new Set(fees.map((f) => f.code)) : undefined), [fees]);
  const parsed = useMemo(() => parseMarkdown(source, known), [source, known]);
  return (
    // Focusable, because it scrolls on its own (keyboard users must be able to scroll it).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access
    <section className="preview-panel" aria-labelledby={`${id}-title`} tabIndex={0}>
      <h3 id={`${id}-title`} className="section-title">
        {label}
      </h3>
      <div className="preview" lang={language}>
        {parsed.blocks.length === 0 ? (
          <p className="muted">{t('knowledge.preview.empty')}</p>
        ) : (
          parsed.blocks.map((block, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are re-parsed on every keystroke
            <BlockView key={index} block={block} fees={fees} language={language} today={today} />
          ))
        )}
      </div>
      {parsed.issues.length > 0 && (
        <div className="preview-issues">
          <h4>{t('knowledge.preview.issues', { count: parsed.issues.length })}</h4>
          <ul>
            {parsed.issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues are re-computed on every keystroke
              <li key={index}>
                {t('knowledge.preview.line', { line: issue.line })}{' '}
                {t(`knowledge.issue.${issue.code satisfies IssueCode}` as MessageKey)}{' '}
                <code>{issue.text}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const TOOLBAR: { format: Format; label: MessageKey; text: string; keys?: string }[] = [
  { format: 'bold', label: 'knowledge.toolbar.bold', text: 'B', keys: 'Control+B' },
  { format: 'heading', label: 'knowledge.toolbar.heading', text: 'H2' },
  { format: 'list', label: 'knowledge.toolbar.list', text: '•' },
  { format: 'numbered', label: 'knowledge.toolbar.numbered', text: '1.' },
  { format: 'link', label: 'knowledge.toolbar.link', text: '↗', keys: 'Control+K' },
];

/**
 * Buttons above a Markdown text area: bold, heading, lists, link, and a fee picker that inserts `{{fee:CODE}}`
 * (fees are never typed as amounts). Ctrl+B and Ctrl+K work inside the text area too.
 */
export function MarkdownToolbar({
  target,
  value,
  onChange,
  fees,
  language,
}: {
  target: string;
  value: string;
  onChange: (text: string) => void;
  fees: Fee[] | undefined;
  language: Language;
}) {
  const { t } = useConsole();
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const today = todayIn();

  const apply = useCallback(
    (edit: (text: string, start: number, end: number) => Edit) => {
      const area = document.getElementById(target) as HTMLTextAreaElement | null;
      if (!area) return;
      const next = edit(latest.current.value, area.selectionStart, area.selectionEnd);
      latest.current.onChange(next.text);
      requestAnimationFrame(() => {
        area.focus();
        area.setSelectionRange(next.start, next.end);
      });
    },
    [target],
  );
  const format = useCallback(
    (f: Format) =>
      apply((text, start, end) => applyFormat(text, start, end, f, t('knowledge.toolbar.placeholder'))),
    [apply, t],
  );

  useEffect(() => {
    const area = document.getElementById(target);
    if (!area) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'b' && key !== 'k') return;
      event.preventDefault();
      format(key === 'b' ? 'bold' : 'link');
    };
    area.addEventListener('keydown', onKey);
    return () => area.removeEventListener('keydown', onKey);
  }, [target, format]);

  const current = (fees ?? [])
    .filter((f) => periodState(f, today) === 'current')
    .sort((a, b) => a.code.localeCompare(b.code));
  return (
    <div className="md-toolbar">
      <FormatButtons target={target} onFormat={format} />
      <label className="inline md-fee">
        <span className="visually-hidden">{t('knowledge.toolbar.fee')}</span>
        <select
          value=""
          aria-controls={target}
          onChange={(e) => {
            const code = e.target.value;
            if (code) apply((text, start, end) => insertText(text, start, end, `{{fee:${code}}}`));
          }}
        >
          <option value="">{t('knowledge.toolbar.fee')}…</option>
          {current.map((f) => (
            <option key={f.id} value={f.code}>
              {f.names[language] || f.names.id} — {formatRupiah(f.amount)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The format buttons as one toolbar: one tab stop, arrow keys (and Home/End) move between the buttons. */
function FormatButtons({ target, onFormat }: { target: string; onFormat: (format: Format) => void }) {
  const { t } = useConsole();
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + TOOLBAR.length) % TOOLBAR.length;
    setActive(next);
    refs.current[next]?.focus();
  };
  return (
    <div
      role="toolbar"
      aria-label={t('knowledge.toolbar.label')}
      aria-controls={target}
      className="md-buttons"
      onKeyDown={(e) => {
        const moves: Record<string, number> = {
          ArrowRight: active + 1,
          ArrowLeft: active - 1,
          Home: 0,
          End: -1,
        };
        if (!(e.key in moves)) return;
        e.preventDefault();
        move(moves[e.key]!);
      }}
    >
      {TOOLBAR.map((b, index) => (
        <button
          key={b.format}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          tabIndex={index === active ? 0 : -1}
          className={`md-${b.format}`}
          title={b.keys ? `${t(b.label)} (${b.keys.replace('Control', 'Ctrl')})` : t(b.label)}
          aria-keyshortcuts={b.keys}
          onFocus={() => setActive(index)}
          onClick={() => onFormat(b.format)}
        >
          <span aria-hidden="true">{b.text}</span>
          <span className="visually-hidden">{t(b.label)}</span>
        </button>
      ))}
    </div>
  );
}

/** The Markdown subset in one line, under each text area. */
export function MarkdownHelp({ id }: { id: string }) {
  const { t } = useConsole();
  return (
    <span id={id} className="muted small">
      {t('knowledge.markdownHelp')}
    </span>
  );
}

// ---- diffs ----

function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useConsole();
  const [whole, setWhole] = useState(false);
  const collapsed = useMemo(() => collapseUnchanged(parts), [parts]);
  const segments: DiffSegment[] = whole ? parts : collapsed;
  const cut = collapsed.some((s) => s.op === 'skip');
  return (
    <>
      <div className="diff-text">
        {segments.map((part, index) => {
          const key = `${index}-${part.op}`;
          if (part.op === 'skip')
            return (
              <span key={key} className="diff-skip">
                {t('knowledge.diff.skipped', { count: part.lines })}
                {'\n'}
              </span>
            );
          if (part.op === 'insert')
            return (
              <ins key={key}>
                <span className="visually-hidden">{t('knowledge.diff.addedStart')}</span>
                {part.text}
                <span className="visually-hidden">{t('knowledge.diff.addedEnd')}</span>
              </ins>
            );
          if (part.op === 'delete')
            return (
              <del key={key}>
                <span className="visually-hidden">{t('knowledge.diff.removedStart')}</span>
                {part.text}
                <span className="visually-hidden">{t('knowledge.diff.removedEnd')}</span>
              </del>
            );
          return <span key={key}>{part.text}</span>;
        })}
      </div>
      {cut && (
        <button
          type="button"
          className="link-button"
          aria-expanded={whole}
          onClick={() => setWhole((w) => !w)}
        >
          {whole ? t('knowledge.diff.showChanges') : t('knowledge.diff.showAll')}
        </button>
      )}
    </>
  );
}

/** The server's word diff between two revisions; insertions are underlined and marked, deletions struck through. */
export function DiffView({ diff }: { diff: Diff }) {
  const { t } = useConsole();
  const changed = diff.fields.filter((f) => f.changes.some((c) => c.op !== 'equal'));
  return (
    <section className="diff" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('knowledge.diff.title', { from: diff.from, to: diff.to })}</h2>
      <p className="muted small diff-legend">
        <ins>{t('knowledge.diff.legendAdded')}</ins> · <del>{t('knowledge.diff.legendRemoved')}</del>
      </p>
      {changed.length === 0 && <p>{t('knowledge.diff.same')}</p>}
      {changed.map((field) => {
        const counts = diffCounts(field.changes);
        return (
          <div key={field.field} className="diff-field">
            <h3>
              {fieldLabel(field.field, t)}{' '}
              <span className="muted small">
                {t('knowledge.diff.counts', { added: counts.inserted, removed: counts.deleted })}
              </span>
            </h3>
            <DiffText parts={field.changes} />
          </div>
        );
      })}
    </section>
  );
}

const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'knowledge.field.title',
  summary: 'knowledge.field.summary',
  body: 'knowledge.field.body',
  slug: 'knowledge.field.slug',
  tags: 'knowledge.field.tags',
  questions: 'knowledge.field.questions',
  answer: 'knowledge.field.answer',
  articleKey: 'knowledge.field.article',
};

function fieldLabel(field: string, t: (key: MessageKey) => string) {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

// ---- keyboard ----

/** j / k move the focus through the links of a list's rows (the same keys as the inbox). */
export function useRowKeys(tbody: RefObject<HTMLTableSectionElement | null>, selector = 'a.row-link') {
  useShortcuts({
    j: () => focusRow(tbody.current, selector, 1),
    k: () => focusRow(tbody.current, selector, -1),
  });
}

function focusRow(tbody: HTMLTableSectionElement | null, selector: string, delta: number) {
  const links = [...(tbody?.querySelectorAll<HTMLElement>(selector) ?? [])];
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement as HTMLElement);
  const next = current === -1 ? 0 : Math.max(0, Math.min(links.length - 1, current + delta));
  links[next]!.focus();
  links[next]!.closest('tr')?.scrollIntoView({ block: 'nearest' });
}
