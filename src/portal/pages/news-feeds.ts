import type { PublishedArticle } from '../../server/modules/publications/public-content.js';
import type { Language } from '../../shared/enums.js';

/**
 * RSS 2.0 and Atom 1.0 feeds and sitemap.xml. Every text is escaped for XML (the five entities, and characters
 * XML 1.0 does not allow are dropped), so a title with "&" or "<" keeps the feed valid.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface FeedInfo {
  title: string;
  description: string;
  language: Language;
  /** Absolute address of the news page the feed belongs to. */
  pageUrl: string;
  /** Absolute address of the feed itself. */
  selfUrl: string;
  origin: string;
  /** One line per cited person ("CB (Tiongkok) — Deportasi"), or none. */
  citationLines(item: PublishedArticle): string[];
}

const articleUrl = (info: FeedInfo, item: PublishedArticle) =>
  `${info.origin}/news/${item.language}/${item.slug}`;

function description(info: FeedInfo, item: PublishedArticle): string {
  const lines = info.citationLines(item);
  return lines.length ? `${item.summary}\n\n${lines.join('\n')}` : item.summary;
}

export function rssFeed(info: FeedInfo, items: PublishedArticle[]): string {
  const e = xmlEscape;
  const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${e(info.title)}</title>
<link>${e(info.pageUrl)}</link>
<description>${e(info.description)}</description>
<language>${info.language === 'id' ? 'id-ID' : 'en'}</language>
<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
<atom:link href="${e(info.selfUrl)}" rel="self" type="application/rss+xml"/>
${items
  .map(
    (item) => `<item>
<title>${e(item.title)}</title>
<link>${e(articleUrl(info, item))}</link>
<guid isPermaLink="true">${e(articleUrl(info, item))}</guid>
<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
<category>${e(item.category)}</category>
<description>${e(description(info, item))}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

export function atomFeed(info: FeedInfo, items: PublishedArticle[], author: string): string {
  const e = xmlEscape;
  const updated = items[0]?.updatedAt ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${info.language}">
<title>${e(info.title)}</title>
<subtitle>${e(info.description)}</subtitle>
<id>${e(info.selfUrl)}</id>
<link rel="self" type="application/atom+xml" href="${e(info.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${e(info.pageUrl)}"/>
<updated>${updated}</updated>
<author><name>${e(author)}</name></author>
${items
  .map(
    (item) => `<entry>
<title>${e(item.title)}</title>
<id>${e(articleUrl(info, item))}</id>
<link rel="alternate" type="text/html" href="${e(articleUrl(info, item))}"/>
<published>${item.publishedAt}</published>
<updated>${item.updatedAt}</updated>
<category term="${e(item.category)}"/>
<summary>${e(description(info, item))}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

export function sitemap(origin: string, entries: { path: string; updatedAt?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries
  .map(
    (entry) =>
      `<url><loc>${xmlEscape(`${origin}${entry.path}`)}</loc>${entry.updatedAt ? `<lastmod>${entry.updatedAt.slice(0, 10)}</lastmod>` : ''}</url>`,
  )
  .join('\n')}
</urlset>
`;
}
