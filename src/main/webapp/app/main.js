// The reference web client for young people: one custom element holds the screens. It hashes pictures and videos
// in a Web Worker and sends only the hashes; see docs/web-client.md.
import { WORDS } from './words.js';
import { api, session, ApiError } from './api.js';
import { h, field, uniqueId } from './dom.js';
import './quick-exit.js';

const PLATFORMS = ['INSTAGRAM', 'SNAPCHAT', 'TIKTOK', 'WHATSAPP', 'TELEGRAM', 'DISCORD', 'FACEBOOK', 'X', 'REDDIT',
  'YOUTUBE', 'ONLYFANS', 'ROBLOX', 'WEBSITE', 'OTHER'];
const CONCERNS = ['THREATENED', 'AI_OR_ALTERED', 'KNOWS_WHO', 'AT_RISK'];
// Made-up name ideas: words and a number, never shaped like an email address or a phone number.
const ADJECTIVES = ['quiet', 'bright', 'calm', 'brave', 'gentle', 'swift', 'sunny', 'lucky', 'clever', 'kind'];
const ANIMALS = ['otter', 'fox', 'heron', 'badger', 'owl', 'panda', 'robin', 'hare', 'lynx', 'seal'];

export function suggestUsernames(count = 3) {
  const pick = (list) => list[crypto.getRandomValues(new Uint32Array(1))[0] % list.length];
  return Array.from({ length: count }, () =>
    `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${10 + crypto.getRandomValues(new Uint32Array(1))[0] % 90}`);
}

class ReportRemoveApp extends HTMLElement {
  connectedCallback() {
    const stored = session.get();
    this.language = stored.language || ((navigator.language || 'en').startsWith('cy') ? 'cy' : 'en');
    this.ageBand = stored.ageBand || null;
    this.replaceChildren();
    this.exit = document.createElement('rr-quick-exit');
    this.languageButton = h('button', { type: 'button', class: 'secondary', id: 'language', onclick: () => this.switchLanguage() });
    this.brand = h('p', { class: 'brand' });
    const header = h('header', {}, this.brand, h('div', { class: 'actions' }, this.languageButton, this.exit));
    this.main = h('main', { id: 'main', tabindex: '-1' });
    this.footerText = h('p');
    this.append(header, this.main, h('footer', {}, this.footerText));
    this.worker = new Worker(new URL('./hash-worker.js', import.meta.url), { type: 'module' });
    this.show(stored.accessToken ? 'home' : 'welcome');
  }

  t(key, values = {}) {
    const words = WORDS[this.language];
    const text = (this.ageBand === 'UNDER_13' && words[key + '.u13']) || words[key];
    if (text === undefined) return `⟦${key}⟧`;
    return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  }

  switchLanguage() {
    this.language = this.language === 'en' ? 'cy' : 'en';
    session.set({ language: this.language });
    this.show(this.screen, this.params);
  }

  async show(screen, params = {}) {
    this.screen = screen;
    this.params = params;
    document.documentElement.lang = this.language;
    this.brand.textContent = this.t('app.name');
    this.languageButton.textContent = this.t('language.switch');
    this.languageButton.lang = this.language === 'en' ? 'cy' : 'en';
    this.exit.label = { label: this.t('exit.button'), hint: this.t('exit.hint') };
    this.footerText.textContent = this.t('footer.stays');
    this.main.dataset.screen = screen;
    this.main.replaceChildren(h('p', { role: 'status' }, this.t('busy')));
    try {
      const content = await this[screen](params);
      this.main.replaceChildren(...content);
    } catch (error) {
      this.main.replaceChildren(this.heading('error.generic'), this.backHome());
    }
    document.title = `${this.main.querySelector('h1')?.textContent || ''} · ${this.t('app.name')}`;
    this.main.querySelector('h1')?.focus();
  }

  heading(key, values) { return h('h1', { tabindex: '-1' }, this.t(key, values)); }
  button(key, onclick, attributes = {}) { return h('button', { type: 'button', onclick, ...attributes }, this.t(key)); }
  backHome() {
    return h('div', { class: 'actions' }, this.button('nav.home', () => this.show(session.get().accessToken ? 'home' : 'welcome'), { class: 'secondary', id: 'home' }));
  }
  errorBox() { return h('p', { class: 'error', role: 'alert', id: 'error' }); }
  failed(box, error, byKind = {}) {
    const kind = error instanceof ApiError ? error.kind : 'network';
    box.textContent = this.t(byKind[kind] || (kind === 'network' ? 'error.network' : 'error.generic'));
  }
  form(children, onsubmit) {
    return h('form', { novalidate: true, onsubmit: async (event) => { event.preventDefault(); await onsubmit(event); } }, children);
  }

  // --- screens -----------------------------------------------------------------------------------------------

  welcome() {
    return [this.heading('welcome.title'), h('p', {}, this.t('welcome.lead')),
      h('p', { class: 'notice' }, this.t('welcome.stays')),
      h('div', { class: 'actions' },
        this.button('welcome.start', () => this.show('age'), { id: 'start' }),
        this.button('welcome.signIn', () => this.show('signIn'), { class: 'secondary', id: 'to-sign-in' }),
        this.button('welcome.recover', () => this.show('recover'), { class: 'secondary', id: 'to-recover' }))];
  }

  age() {
    const error = this.errorBox();
    const bands = h('fieldset', {}, h('legend', {}, this.t('age.band')),
      ['UNDER_13', '13_15', '16_17'].map(band => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'band', value: band, id: 'band-' + band }), this.t('age.' + band))));
    const years = h('input', { type: 'text', inputmode: 'numeric', id: 'years', autocomplete: 'off' });
    const how = h('fieldset', {}, h('legend', {}, this.t('age.how')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'how', value: 'self', id: 'how-self', checked: true }), this.t('age.self')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'how', value: 'provider', id: 'how-provider' }), this.t('age.provider')),
      field(this.t('age.years'), years, this.t('age.providerHint')));
    return [this.heading('age.title'), h('p', {}, this.t('age.lead')), this.form([bands, how, error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'age-continue' }, this.t('age.continue')))], async (event) => {
      const form = event.target;
      const band = form.band.value;
      if (!band) { error.textContent = this.t('age.chooseBand'); return; }
      this.ageBand = band;
      session.set({ ageBand: band });
      if (form.how.value !== 'provider' || band === 'UNDER_13') { this.show('account', { selfDeclaredAgeBand: band }); return; }
      try {
        const check = await api.startAgeCheck();
        const { attestation } = await api.devAttestation(check.provider.startUrl, check.nonce, Number(years.value) || 15);
        await api.sendAttestation(check.id, attestation, band);
        this.show('account', { ageCheckId: check.id });
      } catch (failure) { this.failed(error, failure, { 'over-18': 'age.over18' }); }
    })];
  }

  account(proof) {
    const error = this.errorBox();
    const username = h('input', { type: 'text', id: 'username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
    const passphrase = h('input', { type: 'password', id: 'passphrase', autocomplete: 'new-password' });
    const ideas = suggestUsernames().map(name => h('button', { type: 'button', class: 'secondary suggestion',
      onclick: () => { username.value = name; username.focus(); } }, name));
    return [this.heading('account.title'), h('p', {}, this.t('account.lead')),
      h('h2', {}, this.t('account.suggestions')), h('div', { class: 'actions' }, ideas),
      this.form([field(this.t('account.username'), username, this.t('account.usernameHint')),
        field(this.t('account.passphrase'), passphrase, this.t('account.passphraseHint')), error,
        h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create' }, this.t('account.create')))], async () => {
        try {
          const answer = await api.openAccount({ username: username.value.trim(), passphrase: passphrase.value, ...proof });
          await api.signIn(answer.username, passphrase.value);
          session.set({ ageBand: answer.ageBand });
          this.show('codes', { codes: answer.recoveryCodes });
        } catch (failure) { this.failed(error, failure, { 'username-taken': 'account.taken', conflict: 'account.taken' }); if (failure.problem?.errors) error.textContent += ' ' + failure.problem.errors.map(e => e.message).join(' '); }
      })];
  }

  codes({ codes }) {
    const saved = h('input', { type: 'checkbox', id: 'codes-saved' });
    const next = this.button('codes.continue', () => this.show('home'), { id: 'codes-continue', disabled: true });
    saved.addEventListener('change', () => { next.disabled = !saved.checked; });
    return [this.heading('codes.title'), h('p', {}, this.t('codes.lead')),
      h('ol', { class: 'codes', id: 'codes' }, codes.map(code => h('li', {}, code))),
      h('p', { class: 'notice' }, this.t('codes.keep')),
      h('label', { class: 'choice' }, saved, this.t('codes.saved')), h('div', { class: 'actions' }, next)];
  }

  signIn() {
    const error = this.errorBox();
    const username = h('input', { type: 'text', id: 'sign-in-username', autocomplete: 'username', autocapitalize: 'none' });
    const passphrase = h('input', { type: 'password', id: 'sign-in-passphrase', autocomplete: 'current-password' });
    return [this.heading('signIn.title'), this.form([field(this.t('signIn.username'), username),
      field(this.t('signIn.passphrase'), passphrase), error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in' }, this.t('signIn.submit')))], async () => {
      try {
        await api.signIn(username.value.trim(), passphrase.value);
        const me = await api.me();
        this.ageBand = me.ageBand || this.ageBand;
        session.set({ ageBand: this.ageBand });
        this.show('home');
      } catch (failure) { this.failed(error, failure, { 'invalid-grant': 'signIn.wrong', 'too-many-attempts': 'signIn.wait' }); }
    }), this.backHome()];
  }

  async home() {
    const [cases, inbox] = await Promise.all([api.cases(), api.inbox()]);
    const list = cases.length === 0 ? h('p', {}, this.t('home.none')) : h('ul', { class: 'plain', id: 'cases' }, cases.map(c =>
      h('li', {}, h('button', { type: 'button', class: 'secondary case-link', 'data-reference': c.reference,
        onclick: () => this.show('progress', { reference: c.reference }) }, this.t('home.case', { ref: c.reference })),
      ' ', this.t('home.status.' + c.status))));
    return [this.heading('home.title'), list, h('div', { class: 'actions' },
      this.button('home.report', () => this.show('report'), { id: 'to-report' }),
      h('button', { type: 'button', class: 'secondary', id: 'to-inbox', onclick: () => this.show('inbox') },
        this.t('home.inbox'), inbox.unread ? ` (${this.t('home.unread', { n: inbox.unread })})` : ''),
      this.button('home.erase', () => this.show('erase'), { class: 'secondary', id: 'to-erase' }),
      this.button('nav.signOut', () => { const language = this.language; session.clear(); session.set({ language }); this.show('welcome'); }, { class: 'secondary', id: 'sign-out' }))];
  }

  report() {
    const error = this.errorBox();
    const items = [];
    const list = h('div', { id: 'items', 'aria-live': 'polite' });
    const picker = h('input', { type: 'file', id: 'files', multiple: true, accept: 'image/*,video/*' });
    picker.addEventListener('change', () => { for (const file of picker.files) this.hashFile(file, items, list); picker.value = ''; });
    const concerns = h('fieldset', {}, h('legend', {}, this.t('report.concerns')), CONCERNS.map(c =>
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'concern', value: c, id: 'concern-' + c }), this.t('report.concern.' + c))));
    const platform = h('select', { id: 'platform' }, h('option', { value: '' }, this.t('report.platform.none')),
      PLATFORMS.map(p => h('option', { value: p }, p.charAt(0) + p.slice(1).toLowerCase())));
    const notes = h('textarea', { id: 'notes', rows: '3', maxlength: '2000' });
    const consent = h('fieldset', {}, h('legend', {}, this.t('report.consent')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'followUp', value: 'yes', id: 'follow-up-yes' }), this.t('report.consent.yes')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'followUp', value: 'no', id: 'follow-up-no', checked: true }), this.t('report.consent.no')));
    return [this.heading('report.title'), h('p', { class: 'notice' }, this.t('report.stays')),
      this.form([field(this.t('report.pick'), picker, this.t('report.pickHint')), list, concerns,
        h('fieldset', {}, h('legend', {}, this.t('report.where')), field(this.t('report.platform'), platform)),
        field(this.t('report.notes'), notes), consent, error,
        h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'send-report' }, this.t('report.send')))], async (event) => {
        const form = event.target;
        const chosen = [...form.querySelectorAll('input[name=concern]:checked')].map(i => i.value);
        if (items.some(i => !i.result)) { error.textContent = this.t('report.stillHashing'); return; }
        const body = {
          items: items.map(i => i.result).map(r => ({ contentType: r.contentType, signals: [
            { type: 'SHA256', value: r.sha256 }, { type: 'MD5', value: r.md5 },
            ...(r.pdq ? [{ type: 'PDQ', value: r.pdq, quality: r.quality }] : [])] })),
          locations: platform.value ? [{ kind: 'PLATFORM', platform: platform.value }] : [],
          concerns: chosen,
          consent: { followUp: form.followUp.value === 'yes', contactBy: 'APP_MESSAGE' },
          language: this.language
        };
        if (notes.value.trim()) body.notes = notes.value.trim();
        if (!body.items.length && !body.locations.length && !chosen.includes('THREATENED')) { error.textContent = this.t('report.needSomething'); return; }
        try {
          const answer = await api.submit(body);
          this.show('sent', { answer, threatened: chosen.includes('THREATENED') || chosen.includes('AT_RISK') });
        } catch (failure) { this.failed(error, failure); }
      })];
  }

  hashFile(file, items, list) {
    const id = uniqueId('item');
    const entry = { id };
    items.push(entry);
    const bar = h('progress', { max: '100', value: '0', 'aria-label': this.t('report.hashing', { name: file.name }) });
    const state = h('span', {}, this.t('report.hashing', { name: file.name }));
    const isVideo = file.type.startsWith('video/');
    // The thumbnail is made from the file on this phone (a blob: address); it is never uploaded.
    const thumb = isVideo ? h('span', { class: 'thumb-video', 'aria-hidden': 'true' }, '▶')
      : h('img', { src: URL.createObjectURL(file), alt: '' });
    const row = h('div', { class: 'item', id }, thumb, h('div', {}, h('strong', {}, this.t(isVideo ? 'report.video' : 'report.photo')), ' ', state, bar,
      this.button('report.remove', () => { items.splice(items.indexOf(entry), 1); row.remove(); }, { class: 'secondary' })));
    list.append(row);
    const listener = (event) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.progress !== undefined) { bar.value = Math.round(message.progress * 100); return; }
      this.worker.removeEventListener('message', listener);
      if (message.failed) { state.textContent = this.t('error.generic'); items.splice(items.indexOf(entry), 1); return; }
      entry.result = message;
      bar.value = 100;
      state.textContent = this.t('report.hashed');
      row.dataset.hashed = 'true';
      if (message.unreadable) row.append(h('p', { class: 'notice' }, this.t('report.unreadable')));
      else if (message.quality !== undefined && message.quality < 50) row.append(h('p', { class: 'notice weak-pdq' }, this.t('report.weak')));
    };
    this.worker.addEventListener('message', listener);
    this.worker.postMessage({ id, file });
  }

  sent({ answer, threatened }) {
    return [this.heading('report.sent'), h('p', { id: 'reference', 'data-reference': answer.reference }, this.t('report.reference', { ref: answer.reference })),
      threatened ? h('p', { class: 'notice safety' }, this.t('report.threatSafety')) : null,
      answer.items.some(i => i.alreadyKnown) ? h('p', { class: 'notice' }, this.t('report.known')) : null,
      h('ul', {}, answer.advice.map(a => h('li', {}, a.text))),
      h('div', { class: 'actions' }, this.button('nav.home', () => this.show('home'), { id: 'home' }))];
  }

  async progress({ reference }) {
    const [details, progress] = await Promise.all([api.caseOf(reference), api.progress(reference)]);
    const withdrawn = details.status === 'WITHDRAWN';
    return [this.heading('progress.title'), h('p', {}, this.t('progress.reference', { ref: reference })),
      h('ol', { id: 'milestones' }, progress.milestones.map(m => h('li', {}, h('strong', {}, m.title), h('p', {}, m.explanation), h('p', {}, m.whatHappensNext)))),
      progress.inWords?.length ? h('ul', {}, progress.inWords.map(w => h('li', {}, w))) : null,
      withdrawn ? h('p', { class: 'notice' }, this.t('progress.withdrawn')) : h('div', { class: 'actions' },
        this.button('progress.consent', () => this.show('consent', { reference, consent: details.consent }), { class: 'secondary', id: 'to-consent' }),
        this.button('progress.withdraw', () => this.show('withdraw', { reference }), { class: 'danger', id: 'to-withdraw' })),
      this.backHome()];
  }

  withdraw({ reference }) {
    const error = this.errorBox();
    return [this.heading('withdraw.title'), h('p', {}, this.t('withdraw.lead')), error, h('div', { class: 'actions' },
      this.button('withdraw.confirm', async () => {
        try { await api.withdraw(reference); this.show('progress', { reference }); } catch (failure) { this.failed(error, failure); }
      }, { class: 'danger', id: 'withdraw-confirm' }),
      this.button('withdraw.cancel', () => this.show('progress', { reference }), { class: 'secondary' }))];
  }

  consent({ reference, consent }) {
    const error = this.errorBox();
    const yes = consent && consent.followUp;
    return [this.heading('consent.title'), h('p', {}, this.t('consent.lead')), this.form([
      h('fieldset', {}, h('legend', {}, this.t('report.consent')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'followUp', value: 'yes', id: 'consent-yes', checked: !!yes }), this.t('report.consent.yes')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'followUp', value: 'no', id: 'consent-no', checked: !yes }), this.t('report.consent.no'))),
      error, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'consent-save' }, this.t('consent.save')))], async (event) => {
      try {
        await api.changeConsent(reference, { followUp: event.target.followUp.value === 'yes', contactBy: 'APP_MESSAGE' });
        error.setAttribute('role', 'status');
        error.className = 'notice';
        error.textContent = this.t('consent.saved');
      } catch (failure) {
        const missing = failure instanceof ApiError && (failure.status === 404 || failure.status === 405);
        error.textContent = this.t(missing ? 'consent.notYet' : 'error.generic');
        error.dataset.missing = missing ? 'true' : 'false';
      }
    }), this.button('nav.back', () => this.show('progress', { reference }), { class: 'secondary' })];
  }

  async inbox() {
    const inbox = await api.inbox();
    const messages = inbox.messages.length === 0 ? h('p', {}, this.t('inbox.none')) : h('ul', { class: 'plain', id: 'messages' },
      inbox.messages.map(m => {
        const status = h('p', { role: 'status' });
        const text = h('textarea', { rows: '3', maxlength: '2000' });
        // Only a counsellor's message can be answered: the service's own messages have nobody to read a reply.
        const reply = m.from !== 'COUNSELLOR' ? null : h('details', {}, h('summary', {}, this.t('inbox.reply')), this.form([field(this.t('inbox.replyLabel'), text),
          h('button', { type: 'submit', class: 'reply-send' }, this.t('inbox.replySend'))], async () => {
          try { await api.reply(m.id, text.value); status.textContent = this.t('inbox.replied'); text.value = ''; } catch (failure) {
            const missing = failure instanceof ApiError && (failure.status === 404 || failure.status === 405);
            status.textContent = this.t(missing ? 'inbox.replyNotYet' : 'error.generic');
            status.dataset.missing = missing ? 'true' : 'false';
          }
        }), status);
        return h('li', { class: m.read ? 'message' : 'message unread', 'data-id': m.id },
          h('h2', {}, m.title || this.t('inbox.from.' + m.from)), h('p', {}, this.t('inbox.from.' + (m.from || 'SERVICE')), ' · ', m.writtenOn),
          h('p', {}, m.text || ''), m.read ? null : this.button('inbox.markRead', async () => { await api.markRead(m.id); this.show('inbox'); }, { class: 'secondary mark-read' }), reply);
      }));
    return [this.heading('inbox.title'), messages, this.backHome()];
  }

  recover() {
    const error = this.errorBox();
    const username = h('input', { type: 'text', id: 'recover-username', autocomplete: 'username', autocapitalize: 'none' });
    const code = h('input', { type: 'text', id: 'recover-code', autocomplete: 'off', autocapitalize: 'characters' });
    const passphrase = h('input', { type: 'password', id: 'recover-passphrase', autocomplete: 'new-password' });
    return [this.heading('recover.title'), h('p', {}, this.t('recover.lead')), this.form([field(this.t('recover.username'), username),
      field(this.t('recover.code'), code), field(this.t('recover.new'), passphrase, this.t('account.passphraseHint')), error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'recover-submit' }, this.t('recover.submit')))], async () => {
      try {
        await api.recover({ username: username.value.trim(), recoveryCode: code.value.trim(), newPassphrase: passphrase.value });
        error.setAttribute('role', 'status'); error.className = 'notice'; error.id = 'recovered';
        error.textContent = this.t('recover.done');
      } catch (failure) { this.failed(error, failure, { 'invalid-grant': 'recover.wrong', 'too-many-attempts': 'signIn.wait' }); }
    }), this.backHome()];
  }

  erase() {
    const error = this.errorBox();
    const passphrase = h('input', { type: 'password', id: 'erase-passphrase', autocomplete: 'current-password' });
    return [this.heading('erase.title'), h('p', {}, this.t('erase.lead')), this.form([
      h('fieldset', {}, h('legend', {}, this.t('erase.choice')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'withdraw', value: 'keep', id: 'erase-keep', checked: true }), this.t('erase.keep')),
        h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'withdraw', value: 'stop', id: 'erase-stop' }), this.t('erase.stop'))),
      field(this.t('erase.passphrase'), passphrase), error,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', id: 'erase-confirm' }, this.t('erase.confirm')))], async (event) => {
      try {
        await api.erase(passphrase.value, event.target.withdraw.value === 'stop');
        const language = this.language;
        session.clear();
        session.set({ language });
        this.show('erased');
      } catch (failure) { this.failed(error, failure, { 'invalid-fields': 'erase.wrongPassphrase' }); }
    }), this.backHome()];
  }

  erased() { return [this.heading('erase.done'), this.backHome()]; }
}

customElements.define('rr-app', ReportRemoveApp);
