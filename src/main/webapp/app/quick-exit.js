// The quick exit: one press (or Escape) forgets the session and replaces this page in the history with a
// neutral site, so the back button does not lead here.
import { session } from './api.js';

export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

export function quickExit() {
  try { session.clear(); } finally { window.location.replace(NEUTRAL_SITE); }
}

export class QuickExit extends HTMLElement {
  connectedCallback() {
    if (this.firstChild) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quick-exit';
    button.id = 'quick-exit';
    button.addEventListener('click', quickExit);
    this.append(button);
  }
  set label(words) { this.querySelector('button').textContent = words.label; this.querySelector('button').title = words.hint; }
}

customElements.define('rr-quick-exit', QuickExit);
document.addEventListener('keydown', (event) => { if (event.key === 'Escape') quickExit(); });
