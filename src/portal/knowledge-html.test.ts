import { describe, expect, it } from 'vitest';
import { isKnowledgeHtml, knowledgeHtml, snippetHtml } from './knowledge-html.js';

describe('knowledge HTML check', () => {
  it('accepts what the Markdown subset makes', () => {
    const markup = [
      '<h2>Biaya</h2><p>Paspor <strong>elektronik</strong>: Rp650.000 &amp; lainnya.</p>',
      '<ul><li><a href="/knowledge/id/fees">jadwal biaya</a></li>',
      '<li><a href="https://www.imigrasi.go.id/" rel="noopener noreferrer">imigrasi.go.id</a></li></ul>',
      '<ol><li>satu</li></ol><table><thead><tr><th>Item</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>',
      '<p><a href="#faq-biaya">FAQ</a> a &lt;b&gt; tag written as text</p>',
    ].join('');
    expect(isKnowledgeHtml(markup)).toBe(true);
    expect(knowledgeHtml(markup).value).toBe(markup);
  });

  it.each([
    ['a script', '<p>x</p><script>alert(1)</script>'],
    ['an event handler', '<p onclick="alert(1)">x</p>'],
    ['an image', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/">x</a>'],
    ['a plain http link', '<a href="http://evil.example/">x</a>'],
    ['an extra attribute on a link', '<a href="/x" onmouseover="alert(1)">x</a>'],
    ['a style attribute', '<p style="color:red">x</p>'],
    ['an unclosed tag', '<p>x</p><img src=x onerror=alert(1)//'],
    ['a stray angle bracket', '<p>1 > 0</p>'],
  ])('refuses %s and shows only the text', (_name, markup) => {
    let rejected = '';
    const shown = knowledgeHtml(markup, (m) => {
      rejected = m;
    }).value;
    expect(rejected).toBe(markup);
    expect(shown).not.toMatch(/<[a-z/]/i);
  });

  it('lets only <mark> through in snippets', () => {
    expect(snippetHtml('biaya <mark>paspor</mark> &amp; visa').value).toBe(
      'biaya <mark>paspor</mark> &amp; visa',
    );
    expect(snippetHtml('<mark>x</mark><b>y</b>').value).toBe('x y');
    expect(snippetHtml('<mark onclick="x">x</mark>').value).not.toContain('<');
  });
});
