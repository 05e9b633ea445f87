import browser from '../shared/browser';

// Firefox makes MV3 host permissions opt-in. This page explains why Caveat reads pages and
// asks for that permission from a click (permissions.request needs a user gesture).

const ORIGINS = ['http://*/*', 'https://*/*'];
const button = document.getElementById('grant') as HTMLButtonElement | null;
const status = document.getElementById('status');

function show(granted: boolean): void {
  if (!status || !button) return;
  status.textContent = granted ? 'Done: Caveat can read pages. Open or reload an article to try it.' : 'Caveat cannot read pages yet.';
  status.className = granted ? 'ok' : '';
  button.hidden = granted;
}

button?.addEventListener('click', async () => {
  const granted = await browser.permissions.request({ origins: ORIGINS }).catch(() => false);
  show(granted);
});

void browser.permissions.contains({ origins: ORIGINS }).then(show);
