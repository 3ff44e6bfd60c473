import type { Channel, Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { t } from '../../i18n/index.js';
import { rankKnowledge } from '../search/knowledge-index.js';
import { words } from '../search/text.js';
import { type Corpus, cachedStem, corpus, termSet } from './corpus.js';
import { feeCodes, feesValidOn, jakartaDate, renderFees } from './fees.js';
import { markdownToText, renderMarkdown, sections } from './markdown.js';
import { publishedSlugs } from './public-content.js';
import { type PreparedQuery, prepareQuery } from './query.js';
import { logQuestion } from './question-log.js';
import { articleSlugs, hitUrl, type KnowledgeHit, loadHits } from './search.js';
import { knowledgeUrl } from './urls.js';

/**
 * The answer assistant: extractive only. It finds the published FAQ entry or article that best covers the
 * question and answers with that text (fees rendered as valid today), naming it as the source. It never writes
 * a sentence of its own about the office's services; when nothing covers the question well enough it says so
 * and points to the next step. Scoring is done here in TypeScript, so both engines answer alike.
 */
export interface AnswerSource {
  kind: 'article' | 'faq' | 'fees' | 'standard';
  key: string;
  title: string;
  url: string;
}

export interface Answer {
  answered: boolean;
  language: Language;
  answer: string;
  answerHtml: string;
  sources: AnswerSource[];
  confidence: number;
  followUps: { label: string; url: string }[];
  /** The FAQ entry or article the answer was taken from (null when declined). */
  matched: { kind: 'article' | 'faq'; key: string } | null;
}

export interface Question {
  question: string;
  lang?: Language;
  channel?: Channel;
  /** False for a repeat of a question already logged (e.g. the portal re-asking after a language switch). */
  log?: boolean;
}

/** Below this confidence the assistant declines. Tuned on the evaluation set (evaluation.test.ts). */
export const ANSWER_THRESHOLD = 0.35;
const CANDIDATES = 40;
/** How much lower an article's own FAQ entry may score and still be preferred to the article. */
const FAQ_PREFERENCE_MARGIN = 0.12;

export async function answerQuestion(db: Db, input: Question): Promise<Answer> {
  const question = input.question.trim().slice(0, 500);
  const language = input.lang ?? (await detectLanguage(db, question));
  const knowledge = await corpus(db, language);
  const prepared = prepareQuery(question, language, knowledge);
  const best = prepared.groups.length === 0 ? undefined : await bestMatch(db, language, prepared, knowledge);
  const confidence = best ? Math.round(best.score * 100) / 100 : 0;
  const answer =
    best && best.score >= ANSWER_THRESHOLD
      ? await compose(db, language, best.hit, prepared, knowledge, confidence)
      : declined(language, question, confidence);
  if (input.log !== false && question !== '')
    await logQuestion(db, {
      question,
      language,
      answered: answer.answered,
      confidence,
      matchedKind: best?.hit.kind ?? null,
      matchedKey: best?.hit.key ?? null,
      channel: input.channel ?? 'web',
    });
  return answer;
}

// ---- scoring ----

interface Weighted {
  terms: string[];
  weight: number;
}

/** Adjacent word pairs of a text, by stem: "paspor hilang" and "hilang paspor" both count as the pair. */
function pairs(text: string, language: Language): Set<string> {
  const stems = words(text).map((w) => cachedStem(w, language));
  const result = new Set<string>();
  for (let i = 1; i < stems.length; i++) result.add([stems[i - 1], stems[i]].sort().join(' '));
  return result;
}

/** Share of the question's adjacent word pairs that a text also has side by side (phrases, not just words). */
function phraseFit(queryPairs: Set<string>, text: string, language: Language): number {
  if (queryPairs.size === 0) return 0;
  const textPairs = pairs(text, language);
  let found = 0;
  for (const pair of queryPairs) if (textPairs.has(pair)) found++;
  return found / queryPairs.size;
}

/** Rare words count more: inverse document frequency over the published knowledge; unknown words weigh most. */
function weigh(prepared: PreparedQuery, knowledge: Corpus): Weighted[] {
  const n = Math.max(knowledge.documents, 1);
  return prepared.groups.map((group) => {
    const df = Math.max(0, ...group.terms.map((term) => knowledge.vocabulary.frequency(term)));
    return { terms: group.terms, weight: Math.log(1 + n / (1 + df)) };
  });
}

/** Share of the question's weight found in a set of terms. */
function coverage(query: Weighted[], terms: Set<string>): number {
  let found = 0;
  let total = 0;
  for (const group of query) {
    total += group.weight;
    if (group.terms.some((term) => terms.has(term))) found += group.weight;
  }
  return total === 0 ? 0 : found / total;
}

/** Share of a short text's words (a FAQ question, a title) that the question contains, by rarity. */
function precision(text: string, query: Weighted[], language: Language, knowledge: Corpus): number {
  const queryTerms = new Set(query.flatMap((g) => g.terms));
  const n = Math.max(knowledge.documents, 1);
  let found = 0;
  let total = 0;
  for (const word of new Set(words(text))) {
    const stemmed = cachedStem(word, language);
    const weight = Math.log(1 + n / (1 + knowledge.vocabulary.frequency(stemmed)));
    total += weight;
    if (queryTerms.has(word) || queryTerms.has(stemmed)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

function scoreHit(
  hit: KnowledgeHit,
  query: Weighted[],
  queryPairs: Set<string>,
  language: Language,
  knowledge: Corpus,
): number {
  if (hit.faq) {
    const answer = termSet(hit.body, language);
    let best = 0;
    for (const variant of hit.faq.questions) {
      const terms = termSet(variant, language);
      const score =
        0.6 * coverage(query, terms) +
        0.25 * precision(variant, query, language, knowledge) +
        0.15 * phraseFit(queryPairs, variant, language);
      best = Math.max(best, score);
    }
    const allQuestions = termSet(hit.faq.questions.join('\n'), language);
    return 0.4 * coverage(query, allQuestions) + 0.45 * best + 0.15 * coverage(query, answer);
  }
  const article = hit.article!;
  const headText = `${article.title}\n${article.summary}\n${article.tags.join('\n')}`;
  const head = termSet(headText, language);
  const all = termSet(`${hit.title}\n${hit.body}`, language);
  const titleFit = precision(article.title, query, language, knowledge);
  return (
    0.45 * coverage(query, head) +
    0.25 * coverage(query, all) +
    0.15 * titleFit +
    0.15 * phraseFit(queryPairs, headText, language)
  );
}

async function bestMatch(
  db: Db,
  language: Language,
  prepared: PreparedQuery,
  knowledge: Corpus,
): Promise<{ hit: KnowledgeHit; score: number } | undefined> {
  const ranked = await rankKnowledge(db, language, prepared.groups, CANDIDATES);
  const hits = await loadHits(db, language, ranked.hits);
  const query = weigh(prepared, knowledge);
  const queryPairs = pairs(prepared.words.join(' '), language);
  const scored = hits.map((hit) => ({ hit, score: scoreHit(hit, query, queryPairs, language, knowledge) }));
  // Ties go to the engine's order (hits are ranked).
  let best: { hit: KnowledgeHit; score: number } | undefined;
  for (const candidate of scored) if (!best || candidate.score > best.score + 1e-9) best = candidate;
  if (!best?.hit.article) return best;
  // An article matched, but one of its own FAQ entries answers nearly as well: the entry is the precise answer
  // to one question within the article's topic, so it is preferred (the article stays the named source).
  const article = best;
  const entry = scored
    .filter(
      (c) => c.hit.faq?.articleKey === article.hit.key && c.score >= article.score - FAQ_PREFERENCE_MARGIN,
    )
    .sort((a, b) => b.score - a.score)[0];
  return entry ? { hit: entry.hit, score: article.score } : best;
}

// ---- composing the answer ----

async function compose(
  db: Db,
  language: Language,
  hit: KnowledgeHit,
  prepared: PreparedQuery,
  knowledge: Corpus,
  confidence: number,
): Promise<Answer> {
  const fees = await feesValidOn(db, jakartaDate());
  const slugs = await articleSlugs(db, language, [hit]);
  const sources: AnswerSource[] = [];
  let markdown: string;
  let relatedKeys: string[] = [];
  if (hit.faq) {
    markdown = hit.faq.answer;
    const articleKey = hit.faq.articleKey;
    const slug = articleKey ? slugs.get(articleKey) : undefined;
    if (articleKey && slug) {
      const titles = await publishedSlugs(db, language, [articleKey]);
      sources.push({
        kind: 'article',
        key: articleKey,
        title: titles.get(articleKey)?.title ?? hit.faq.questions[0]!,
        url: hitUrl(hit, slugs),
      });
    } else {
      sources.push({ kind: 'faq', key: hit.key, title: hit.faq.questions[0] ?? '', url: hitUrl(hit, slugs) });
    }
  } else {
    const article = hit.article!;
    markdown = [article.summary, bestSection(article.body, weigh(prepared, knowledge), language)]
      .filter(Boolean)
      .join('\n\n');
    sources.push({ kind: 'article', key: hit.key, title: article.title, url: hitUrl(hit, slugs) });
    relatedKeys = article.related;
  }
  if (feeCodes(markdown).length > 0)
    sources.push({
      kind: 'fees',
      key: 'fees',
      title: t(language, 'knowledge.fees_title'),
      url: knowledgeUrl(language, 'fees'),
    });
  const rendered = renderFees(markdown, fees, language);
  const related =
    relatedKeys.length > 0 ? await publishedSlugs(db, language, relatedKeys.slice(0, 3)) : new Map();
  return {
    answered: true,
    language,
    answer: markdownToText(rendered),
    answerHtml: renderMarkdown(rendered),
    sources,
    confidence,
    matched: { kind: hit.kind, key: hit.key },
    followUps: [
      ...[...related.values()].map((r: { slug: string; title: string }) => ({
        label: t(language, 'knowledge.follow_up.read_more', { title: r.title }),
        url: knowledgeUrl(language, 'article', r.slug),
      })),
      { label: t(language, 'knowledge.follow_up.ask_again'), url: '/assistant' },
    ],
  };
}

/** The article section that covers most of the question, when it covers a fair part of it. */
function bestSection(body: string, query: Weighted[], language: Language): string | undefined {
  let best: { markdown: string; score: number } | undefined;
  for (const section of sections(body)) {
    const score = coverage(
      query,
      termSet(`${section.heading ?? ''}\n${markdownToText(section.markdown)}`, language),
    );
    if (!best || score > best.score)
      best = {
        markdown: section.heading ? `### ${section.heading}\n\n${section.markdown}` : section.markdown,
        score,
      };
  }
  return best && best.score >= 0.3 ? best.markdown : undefined;
}

function declined(language: Language, question: string, confidence: number): Answer {
  const message = t(language, question === '' ? 'knowledge.declined_empty' : 'knowledge.declined');
  return {
    answered: false,
    language,
    answer: message,
    answerHtml: renderMarkdown(message),
    sources: [],
    confidence,
    matched: null,
    followUps: [
      { label: t(language, 'knowledge.follow_up.submit'), url: '/submit' },
      { label: t(language, 'knowledge.follow_up.contact'), url: '/#contact' },
      {
        label: t(language, 'knowledge.follow_up.search'),
        url: question === '' ? '/search' : `/search?q=${encodeURIComponent(question.slice(0, 200))}`,
      },
    ],
  };
}

// ---- language ----

const HINTS: Record<Language, Set<string>> = {
  id: new Set(
    'yang dan di ke dari apa apakah bagaimana berapa saya bisa tidak untuk dengan kapan mana siapa mau ingin harus perlu boleh sudah belum kalau jika atau ini itu ada buat bikin gimana brp gak nggak dong ya kah'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the how what is are do does can could i my me a an to for much long where when who need should will would of in on it this that with have has please get'.split(
      ' ',
    ),
  ),
};

/** Indonesian or English, from function words and the vocabulary and dictionary of each; Indonesian when unsure. */
export async function detectLanguage(db: Db, text: string): Promise<Language> {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  const [id, en] = await Promise.all([corpus(db, 'id'), corpus(db, 'en')]);
  const score = (language: Language, c: Corpus) =>
    tokens.reduce(
      (sum, token) =>
        sum +
        (HINTS[language].has(token) ? 2 : 0) +
        (c.synonyms.has(token) ? 1 : 0) +
        (c.vocabulary.has(token) ? 1 : 0),
      0,
    );
  return score('en', en) > score('id', id) ? 'en' : 'id';
}
