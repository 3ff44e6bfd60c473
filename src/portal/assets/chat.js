// The chat widget, loaded by portal.js when the visitor presses the chat button. Plain DOM, no framework: a few
// kilobytes for slow phones. It speaks the socket protocol of src/server/modules/chat/visitor-socket.ts.
// Reliability: every message the visitor writes gets an id here and stays in the outbox until the server
// acknowledges it; after a lost connection the widget reconnects with backoff, resumes with the last sequence
// number it showed, and resends the outbox — the server stores each id once and replays what was missed, and
// the widget shows each sequence number once.
(() => {
  const launcher = document.querySelector('[data-chat-src]');
  if (!launcher || window.LoketChat) return;
  const T = JSON.parse(launcher.getAttribute('data-chat-texts'));
  const lang = launcher.getAttribute('data-chat-lang');
  const zone = launcher.getAttribute('data-chat-zone');
  const csrf = launcher.getAttribute('data-chat-csrf');
  const KEY = 'loket-chat';
  const fill = (text, params) =>
    text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));

  const load = () => {
    try {
      return JSON.parse(sessionStorage.getItem(KEY)) || {};
    } catch {
      return {};
    }
  };
  const saved = load();
  let token = saved.token || null;
  let lastSeq = 0; // what this page has shown; a resume replays the whole conversation once per page
  let outbox = Array.isArray(saved.outbox) ? saved.outbox : [];
  let state = 'assistant';
  let socket = null;
  let attempt = 0;
  let retryTimer = null;
  let typingSent = 0;
  let typingOff = null;
  let opened = false;
  const save = () => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ token, outbox }));
    } catch {
      // storage blocked: the chat lasts as long as the page
    }
  };
  const newId = () => {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  };

  // ------------------------------------------------------------------ the panel
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) node.append(child);
    return node;
  };
  const titleId = 'chat-panel-title';
  const panel = el('section', {
    class: 'chat-panel',
    role: 'dialog',
    'aria-labelledby': titleId,
    'aria-modal': 'false',
    hidden: '',
  });
  const close = el('button', { type: 'button', class: 'chat-close', 'aria-label': T.close, text: '×' });
  const header = el('div', { class: 'chat-head' }, el('h2', { id: titleId, text: T.title }), close);
  const log = el('div', {
    class: 'chat-log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': T.log_label,
    tabindex: '0',
  });
  const status = el('p', { class: 'chat-status', role: 'status', 'aria-live': 'polite' });
  const typing = el('p', { class: 'chat-typing', 'aria-live': 'polite' });
  const receipt = el('div', { class: 'chat-receipt', hidden: '' });
  const inputId = 'chat-input';
  const input = el('textarea', { id: inputId, rows: '2', maxlength: '2000', class: 'chat-input' });
  const send = el('button', { type: 'submit', class: 'button', text: T.send });
  const form = el(
    'form',
    { class: 'chat-form' },
    el('label', { for: inputId, text: T.message_label }),
    input,
    send,
  );
  const person = el('button', { type: 'button', class: 'button button--secondary', text: T.ask_person });
  const fileId = 'chat-file';
  const file = el('input', {
    type: 'file',
    id: fileId,
    accept: 'image/jpeg,image/png,image/webp,application/pdf',
  });
  const fileRow = el(
    'div',
    { class: 'chat-file', hidden: '' },
    el('label', { for: fileId, text: T.file_label }),
    file,
  );
  const end = el('button', { type: 'button', class: 'button button--link', text: T.end });
  const actions = el('div', { class: 'chat-actions' }, person, end);
  panel.append(header, log, typing, status, receipt, form, fileRow, actions);
  document.body.append(panel);

  const setStatus = (text) => {
    status.textContent = text;
  };
  const authorLabel = (m) =>
    m.author === 'visitor'
      ? T.you
      : m.author === 'assistant'
        ? T.assistant
        : m.author === 'agent'
          ? m.name || T.agent
          : T.system;
  const due = (iso) =>
    iso
      ? new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
          dateStyle: 'full',
          timeStyle: 'short',
          timeZone: zone,
        }).format(new Date(iso))
      : T.due_unknown;
  const noticeText = (m) => {
    const d = m.data || {};
    if (d.notice === 'waiting') return T.notice_waiting;
    if (d.notice === 'agent_joined') return fill(T.notice_agent_joined, { name: m.name || T.agent });
    if (d.notice === 'message_taken')
      return fill(d.reason === 'out_of_hours' ? T.notice_out_of_hours : T.notice_nobody_free, {
        code: d.trackingCode || '',
        due: due(d.dueAt),
      });
    if (d.notice === 'ended') return T.notice_ended;
    return '';
  };
  const pending = new Map();

  function show(m) {
    if (m.seq <= lastSeq) return; // a replay of what is already shown
    lastSeq = m.seq;
    if (m.id && pending.has(m.id)) {
      pending.get(m.id).remove();
      pending.delete(m.id);
    }
    const d = m.data || {};
    const item = el('div', { class: `chat-msg chat-msg--${m.author}` });
    item.append(el('p', { class: 'chat-author', text: authorLabel(m) }));
    const text =
      m.author === 'system'
        ? noticeText(m)
        : d.attachment
          ? fill(T.file_sent, { name: d.attachment.fileName })
          : m.body;
    item.append(el('p', { class: 'chat-body', text }));
    if (d.sources?.length) {
      const sources = el('p', { class: 'chat-sources', text: `${T.sources}: ` });
      d.sources.forEach((s, i) => {
        if (i) sources.append(', ');
        // Only the portal's own pages are linked.
        if (/^\/[^/]/.test(s.url)) sources.append(el('a', { href: s.url, text: s.title }));
        else sources.append(s.title);
      });
      item.append(sources);
    }
    if (d.notice === 'no_answer') item.append(el('p', { class: 'chat-hint', text: T.notice_no_answer }));
    log.append(item);
    if (d.state) setState(d.state);
    log.scrollTop = log.scrollHeight;
  }

  function setState(next) {
    state = next;
    person.hidden = state !== 'assistant';
    fileRow.hidden = state === 'assistant' || state === 'ended';
    form.hidden = state === 'ended';
    end.textContent = state === 'ended' ? T.new_chat : T.end;
    if (state !== 'waiting') typing.textContent = '';
  }

  function showPending(entry) {
    const item = el('div', { class: 'chat-msg chat-msg--visitor chat-msg--pending' });
    item.append(
      el('p', { class: 'chat-author', text: T.you }),
      el('p', { class: 'chat-body', text: entry.body }),
    );
    item.append(el('p', { class: 'chat-hint', text: T.not_sent }));
    log.append(item);
    pending.set(entry.id, item);
    log.scrollTop = log.scrollHeight;
  }

  // ------------------------------------------------------------------ the connection
  const frame = (data) => {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(data));
  };

  function connect() {
    clearTimeout(retryTimer);
    setStatus(attempt ? T.reconnecting : T.connecting);
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/chat/socket`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      // The token goes in the first frame, never in the address.
      if (token) ws.send(JSON.stringify({ t: 'resume', token, lastSeq }));
      else ws.send(JSON.stringify({ t: 'start', lang }));
    };
    ws.onmessage = (event) => {
      const f = JSON.parse(event.data);
      if (f.t === 'ready') {
        attempt = 0;
        token = f.token;
        save();
        setState(f.state);
        setStatus(T.connected);
        for (const entry of outbox) frame({ t: 'send', id: entry.id, body: entry.body });
      } else if (f.t === 'msg') show(f);
      else if (f.t === 'ack') {
        outbox = outbox.filter((entry) => entry.id !== f.id);
        save();
      } else if (f.t === 'typing') typing.textContent = f.on ? T.typing : '';
      else if (f.t === 'position') setStatus(fill(T.position, { position: f.position }));
      else if (f.t === 'receipt') showReceipt(f);
      else if (f.t === 'error' && f.code === 'case_closed') setStatus(T.closed);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (event.code === 4401) {
        token = null; // an expired or unknown conversation: start afresh
        save();
      }
      if (!opened && !outbox.length) return;
      // Exponential backoff with jitter, capped at 30 s, so a restarted server is not stormed.
      const delay = Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt++;
      setStatus(T.reconnecting);
      retryTimer = setTimeout(connect, delay);
    };
  }

  function showReceipt(f) {
    receipt.hidden = false;
    receipt.replaceChildren(
      el('h3', { text: T.receipt_title }),
      el('p', { text: `${T.receipt_code}: ${f.trackingCode}` }),
      el('p', { text: `${T.receipt_key}: ${f.accessKey}` }),
      el('p', { class: 'chat-hint', text: T.receipt_note }),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = input.value.trim();
    if (!body) return;
    const entry = { id: newId(), body };
    outbox.push(entry);
    save();
    showPending(entry);
    frame({ t: 'send', id: entry.id, body });
    input.value = '';
    frame({ t: 'typing', on: false });
    typingSent = 0;
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    if (state !== 'active' && state !== 'waiting') return;
    const now = Date.now();
    if (now - typingSent > 3000) {
      frame({ t: 'typing', on: true });
      typingSent = now;
    }
    clearTimeout(typingOff);
    typingOff = setTimeout(() => {
      frame({ t: 'typing', on: false });
      typingSent = 0;
    }, 4000);
  });
  person.addEventListener('click', () => frame({ t: 'agent' }));
  end.addEventListener('click', () => {
    if (state === 'ended') {
      token = null;
      outbox = [];
      lastSeq = 0;
      save();
      log.replaceChildren();
      receipt.hidden = true;
      if (socket) socket.close();
      else connect();
      return;
    }
    frame({ t: 'end' });
  });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const data = new FormData();
    data.append('csrf', csrf);
    data.append('token', token || '');
    data.append('file', chosen);
    fetch('/chat/upload', { method: 'POST', body: data, credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) setStatus(T.file_error);
        file.value = '';
      })
      .catch(() => setStatus(T.file_error));
  });

  // ------------------------------------------------------------------ open and close
  function openPanel() {
    opened = true;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    try {
      sessionStorage.setItem('loket-chat-open', '1');
    } catch {}
    if (!socket) connect();
    input.focus();
  }
  function closePanel() {
    opened = false;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    try {
      sessionStorage.setItem('loket-chat-open', '0');
    } catch {}
    launcher.focus();
  }
  close.addEventListener('click', closePanel);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePanel();
  });
  window.LoketChat = { toggle: () => (panel.hidden ? openPanel() : closePanel()) };
  launcher.removeAttribute('aria-busy');
  setState('assistant');
  openPanel();
})();
