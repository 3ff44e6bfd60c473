// Loket knowledge islands: instant search results and the assistant widget. The pages work without this file:
// the search box is a GET form and the question box a POST form answered on /assistant. Every text comes from
// the page (data attributes filled from the message catalogues); content from the API is inserted as text, except
// the assistant's answer HTML, which is checked against the tags the server's Markdown renderer makes.
(() => {
  if (!window.fetch || !window.AbortController) return;
  const language = document.documentElement.lang;

  const fill = (template, values) =>
    (template || '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Only links within this site: the API builds them, and anything else is not shown as a link. */
  const localUrl = (url) => typeof url === 'string' && /^\/(?![/\\])/.test(url);

  function link(url, text, className) {
    const a = element('a', className, text);
    a.href = url;
    return a;
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  const decode = (text) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_whole, name) => ENTITIES[name]);

  /** A snippet is escaped text in which <mark> may appear: rebuilt as nodes, never parsed as HTML. */
  function appendSnippet(target, snippet) {
    let into = target;
    for (const part of String(snippet || '').split(/(<\/?mark>)/)) {
      if (part === '<mark>') into = target.appendChild(element('mark'));
      else if (part === '</mark>') into = target;
      else if (part) into.appendChild(document.createTextNode(decode(part)));
    }
  }

  /** The tags the server's Markdown subset makes (the same check as src/portal/knowledge-html.ts). */
  const PLAIN = /^<\/?(p|h2|h3|h4|ul|ol|li|strong|em|br|table|thead|tbody|tr|th|td|mark|a)>$/;
  const LINK = /^<a href="(?:\/(?!\/)|#|https:\/\/)[^"<>\s]*"(?: rel="noopener noreferrer")?>$/;
  const SCOPE = /^<th scope="(?:col|row)">$/;
  function knowledgeHtml(markup) {
    let ok = true;
    const rest = String(markup).replace(/<[^<>]*>/g, (tag) => {
      if (!(PLAIN.test(tag) || LINK.test(tag) || SCOPE.test(tag)) || tag === '<a>') ok = false;
      return '';
    });
    return ok && !/[<>]/.test(rest);
  }

  // ---------------------------------------------------------------- instant search

  function instantSearch(form) {
    const input = form.querySelector('input[name="q"]');
    const box = document.getElementById(form.dataset.instant);
    if (!input || !box) return;
    const status = box.querySelector('.instant-status');
    const list = box.querySelector('ol.results');
    const corrected = box.querySelector('.corrected');
    const help = box.dataset.emptyHelp ? document.getElementById(box.dataset.emptyHelp) : null;
    const limit = Number(box.dataset.limit) || 5;
    const onSearchPage = location.pathname === form.getAttribute('action');
    let more = null;
    let timer = 0;
    let controller = null;
    let shown = input.value.trim();
    /** The search page's address for a query, as the form itself would make it. */
    const pageOf = (query) =>
      `${form.getAttribute('action')}?${new URLSearchParams({ q: query, lang: language })}`;

    function clear() {
      list.textContent = '';
      list.hidden = true;
      status.textContent = '';
      if (more) more.hidden = true;
      if (corrected) corrected.hidden = true;
      if (help) help.hidden = true;
    }

    function render(query, data) {
      const results = (data.results || []).filter((hit) => localUrl(hit.url));
      const count = typeof data.total === 'number' ? data.total : results.length;
      list.textContent = '';
      for (const hit of results) {
        const item = element('li');
        item.appendChild(link(hit.url, hit.title, 'result-title'));
        if (hit.category) item.appendChild(element('span', 'result-meta', hit.category.name));
        const snippet = item.appendChild(element('p', 'snippet'));
        appendSnippet(snippet, hit.snippetHtml);
        list.appendChild(item);
      }
      list.hidden = results.length === 0;
      const key = count === 0 ? 'countNone' : count === 1 ? 'countOne' : 'countMany';
      status.textContent = fill(form.dataset[key], { count, query });
      if (corrected) {
        corrected.hidden = !data.correctedQuery;
        corrected.textContent = data.correctedQuery
          ? fill(form.dataset.corrected, { query: data.correctedQuery })
          : '';
      }
      if (help) {
        help.hidden = results.length > 0;
        const question = help.querySelector('input[name="question"]');
        if (question) question.value = query;
      }
      if (onSearchPage) {
        history.replaceState(null, '', pageOf(query));
      } else if (results.length) {
        if (!more) more = box.appendChild(element('p', 'more'));
        more.textContent = '';
        more.appendChild(link(pageOf(query), form.dataset.all));
        more.hidden = false;
      } else if (more) {
        more.hidden = true;
      }
    }

    function search() {
      const query = input.value.trim();
      if (query === shown) return;
      shown = query;
      if (controller) controller.abort();
      controller = null;
      if (query.length < 2) {
        clear();
        return;
      }
      const mine = new AbortController();
      controller = mine;
      const params = new URLSearchParams({ q: query, lang: language, limit: String(limit) });
      fetch(`/api/v1/knowledge/search?${params}`, {
        signal: mine.signal,
        headers: { accept: 'application/json' },
      })
        .then((response) => {
          if (!response.ok) throw new Error(`search answered ${response.status}`);
          return response.json();
        })
        .then((data) => {
          if (controller === mine) render(query, data);
        })
        .catch((error) => {
          if (error.name !== 'AbortError' && controller === mine) status.textContent = form.dataset.failed;
        });
    }

    // Wait for a pause in typing: one request per word, not per key, on a slow connection.
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
  }

  // ---------------------------------------------------------------- assistant widget

  function assistantWidget(form) {
    const input = form.querySelector('[name="question"]');
    const box = document.getElementById(form.dataset.assistant);
    if (!input || !box) return;
    const status = box.querySelector('.instant-status');
    const result = box.querySelector('.assistant-result');
    let controller = null;

    /** Sources or next steps under a heading; the items are in the answer's language. */
    function linkList(title, items, text, itemsLanguage) {
      const shown = items.filter((item) => localUrl(item.url));
      if (!shown.length) return;
      result.appendChild(element('h3', '', title));
      const list = result.appendChild(element('ul', 'sources'));
      list.lang = itemsLanguage;
      for (const item of shown) {
        const a = list.appendChild(element('li')).appendChild(link(item.url, text(item)));
        // "Ask something else" leads back to this box.
        if (item.url === form.getAttribute('action')) {
          a.addEventListener('click', (event) => {
            event.preventDefault();
            input.value = '';
            input.focus();
          });
        }
      }
    }

    function show(answer) {
      result.textContent = '';
      const title = element(
        'h2',
        'answer-title',
        answer.answered ? form.dataset.answerTitle : form.dataset.declinedTitle,
      );
      title.tabIndex = -1;
      result.appendChild(title);
      const body = result.appendChild(element('div', answer.answered ? 'answer' : 'answer answer--declined'));
      const prose = body.appendChild(element('div', 'prose'));
      prose.lang = answer.language;
      if (knowledgeHtml(answer.answerHtml)) prose.innerHTML = answer.answerHtml;
      else for (const line of String(answer.answer).split(/\n+/)) prose.appendChild(element('p', '', line));
      linkList(form.dataset.sources, answer.sources || [], (s) => s.title, answer.language);
      linkList(form.dataset.next, answer.followUps || [], (f) => f.label, answer.language);
      result.hidden = false;
      status.textContent = '';
      title.focus();
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const question = input.value.trim();
      if (!question) {
        status.textContent = form.dataset.empty;
        input.focus();
        return;
      }
      if (controller) controller.abort();
      const mine = new AbortController();
      controller = mine;
      status.textContent = form.dataset.thinking;
      fetch('/api/v1/assistant/answer', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ question }),
        signal: mine.signal,
      })
        .then((response) => {
          if (response.status === 429) throw new Error('rate limited');
          // Anything else unexpected: the form still works, so send it the ordinary way.
          if (!response.ok) return null;
          return response.json();
        })
        .then((answer) => {
          if (controller !== mine) return;
          if (answer) show(answer);
          else HTMLFormElement.prototype.submit.call(form);
        })
        .catch((error) => {
          if (error.name !== 'AbortError' && controller === mine) status.textContent = form.dataset.failed;
        });
    });
  }

  for (const form of document.querySelectorAll('form[data-instant]')) instantSearch(form);
  for (const form of document.querySelectorAll('form[data-assistant]')) assistantWidget(form);
})();
