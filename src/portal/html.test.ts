import { describe, expect, it } from 'vitest';
import { html, multiline, trusted } from './html.js';

describe('html', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const payload = `<script>alert("x")</script>' onload='x`;
    expect(html`<p title="${payload}">${payload}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&#39;x</p>',
    );
  });

  it('keeps nested templates, joins arrays and drops null, undefined and false', () => {
    const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${0}</ul>`.value).toBe(
      '<ul><li>a&amp;b</li><li>c</li>0</ul>',
    );
    expect(html`${trusted('<b>ok</b>')}`.value).toBe('<b>ok</b>');
  });

  it('turns newlines into line breaks after escaping', () => {
    expect(multiline('a<b\nc').value).toBe('a&lt;b<br>\nc');
  });
});
