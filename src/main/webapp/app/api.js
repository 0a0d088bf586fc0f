// Talks to the service's young people's API. Tokens live in this tab only (sessionStorage), never in
// localStorage or cookies, and are forgotten on sign-out and quick exit.
const BASE = '/api/v1';
const KEY = 'rr.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.type ? problem.type : 'status ' + status);
    this.status = status;
    this.problem = problem || {};
  }
  get kind() { return (this.problem.type || '').replace('urn:reportremove:problem:', ''); }
}

export const session = {
  get() { try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; } },
  set(values) { sessionStorage.setItem(KEY, JSON.stringify({ ...session.get(), ...values })); },
  clear() { sessionStorage.clear(); }
};

async function send(method, path, { json, form, headers = {}, auth = true } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers }, credentials: 'omit', cache: 'no-store' };
  if (json !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(json); }
  if (form) { init.headers['Content-Type'] = 'application/x-www-form-urlencoded'; init.body = new URLSearchParams(form).toString(); }
  const token = session.get().accessToken;
  if (auth && token) init.headers.Authorization = 'Bearer ' + token;
  const response = await fetch(BASE + path, init);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

async function authed(method, path, options) {
  try {
    return await send(method, path, options);
  } catch (error) {
    if (error.status === 401 && session.get().refreshToken) {
      await refresh();
      return send(method, path, options);
    }
    throw error;
  }
}

async function refresh() {
  const answer = await send('POST', '/auth/token', { auth: false,
    form: { grant_type: 'refresh_token', refresh_token: session.get().refreshToken } });
  session.set({ accessToken: answer.access_token, refreshToken: answer.refresh_token });
}

export const api = {
  startAgeCheck: () => send('POST', '/age-checks', { auth: false }),
  devAttestation: (startUrl, nonce, age) => fetch(startUrl, { method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ nonce, age, method: 'document' }) })
    .then(async r => { const b = await r.json(); if (!r.ok) throw new ApiError(r.status, b); return b; }),
  sendAttestation: (id, attestation, ageBand) => send('POST', `/age-checks/${encodeURIComponent(id)}/attestation`,
    { auth: false, json: ageBand ? { attestation, ageBand } : { attestation } }),
  openAccount: (body) => send('POST', '/accounts', { auth: false, json: body }),
  async signIn(username, password) {
    const answer = await send('POST', '/auth/token', { auth: false, form: { grant_type: 'password', username, password } });
    session.set({ accessToken: answer.access_token, refreshToken: answer.refresh_token, username });
  },
  recover: (body) => send('POST', '/accounts/recovery', { auth: false, json: body }),
  me: () => authed('GET', '/accounts/me'),
  cases: () => authed('GET', '/cases'),
  caseOf: (ref) => authed('GET', `/cases/${encodeURIComponent(ref)}`),
  progress: (ref) => authed('GET', `/cases/${encodeURIComponent(ref)}/progress`),
  submit: (body) => authed('POST', '/cases', { json: body, headers: { 'Idempotency-Key': crypto.randomUUID() } }),
  withdraw: (ref) => authed('POST', `/cases/${encodeURIComponent(ref)}/withdrawal`),
  changeConsent: (ref, consent) => authed('PUT', `/cases/${encodeURIComponent(ref)}/consent`, { json: consent }),
  inbox: () => authed('GET', '/inbox?size=50'),
  markRead: (id) => authed('POST', `/inbox/${encodeURIComponent(id)}/read`),
  reply: (id, text) => authed('POST', `/inbox/${encodeURIComponent(id)}/replies`, { json: { text } }),
  erase: (passphrase, withdrawCases) => authed('DELETE', '/accounts/me', { json: { passphrase, withdrawCases } })
};
