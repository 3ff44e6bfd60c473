// Loket portal niceties. Everything works without this file: it only adds a copy button and stops double sends.
(() => {
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
  // Move focus to the error summary so screen readers announce it.
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
