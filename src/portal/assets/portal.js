// Loket portal niceties. Everything works without this file: it only adds a copy button, stops double sends and
// solves the integrity form's anti-spam challenge (which otherwise costs a short wait).
(() => {
  // Integrity form: solve the server's proof-of-work challenge before sending (see
  // src/server/modules/integrity/proof-of-work.ts). Without WebCrypto the server accepts the form after a delay.
  const leadingZeroBits = (bytes) => {
    let bits = 0;
    for (const byte of bytes) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      return bits + Math.clz32(byte) - 24;
    }
    return bits;
  };
  const solve = async (challenge, bits) => {
    const encoder = new TextEncoder();
    for (let start = 0; ; start += 256) {
      const batch = [];
      for (let counter = start; counter < start + 256; counter++) {
        batch.push(crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${counter}`)));
      }
      const digests = await Promise.all(batch);
      for (let i = 0; i < digests.length; i++) {
        if (leadingZeroBits(new Uint8Array(digests[i])) >= bits) return String(start + i);
      }
    }
  };
  for (const form of document.querySelectorAll('form[data-pow]')) {
    if (!window.crypto || !crypto.subtle) continue;
    form.addEventListener('submit', (event) => {
      const field = form.querySelector('input[name="pow"]');
      if (!field || field.value) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const button = form.querySelector('button[type="submit"]');
      if (button) button.setAttribute('aria-busy', 'true');
      const challenge = form.getAttribute('data-pow');
      const bits = JSON.parse(atob(challenge.split('.')[0].replace(/-/g, '+').replace(/_/g, '/'))).bits;
      solve(challenge, bits).then((solution) => {
        field.value = solution;
        form.submit();
      });
    });
  }
  for (const button of document.querySelectorAll('[data-copy]')) {
    if (!navigator.clipboard) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(button.getAttribute('data-copy')).then(() => {
        button.textContent = button.getAttribute('data-copied') || label;
        setTimeout(() => {
          button.textContent = label;
        }, 3000);
      });
    });
  }
  // A slow connection tempts people to press "Send" twice: ignore the second press.
  for (const form of document.querySelectorAll('form[method="post"]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sent) event.preventDefault();
      else form.dataset.sent = '1';
    });
  }
  window.addEventListener('pageshow', () => {
    for (const form of document.querySelectorAll('form[data-sent]')) delete form.dataset.sent;
  });
  // The chat button: without JavaScript a link to the full-page chat; here it loads the widget on first press only,
  // so pages cost nothing extra until someone wants to chat.
  const launcher = document.querySelector('[data-chat-src]');
  if (launcher && 'WebSocket' in window) {
    launcher.setAttribute('role', 'button');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.addEventListener('click', (event) => {
      event.preventDefault();
      if (window.LoketChat) {
        window.LoketChat.toggle();
        return;
      }
      if (launcher.getAttribute('aria-busy') === 'true') return;
      launcher.setAttribute('aria-busy', 'true');
      const script = document.createElement('script');
      script.src = launcher.getAttribute('data-chat-src');
      script.onerror = () => {
        window.location.href = launcher.getAttribute('href');
      };
      document.head.appendChild(script);
    });
    // A chat left open on the previous page continues on this one.
    try {
      if (sessionStorage.getItem('loket-chat-open') === '1') launcher.click();
    } catch {
      // storage blocked: the visitor opens the chat again
    }
  }
  // Move focus to the error summary so screen readers announce it.
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
