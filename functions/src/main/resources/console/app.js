// The officer console: a unit's queue of escalated questions and reports, one case, the unit's figures.
// Plain DOM, no framework and no build step. Every text that comes from the API (above all what citizens
// wrote) is put on the page as text nodes (textContent / append of strings), never parsed as HTML.
'use strict';

(() => {
  const TOKEN_KEY = 'citizenqa.console.token';
  const PKCE_KEY = 'citizenqa.console.pkce';
  const TIME_ZONE = 'Asia/Ho_Chi_Minh';
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const STATUSES = [
    { code: 'OPEN', label: 'Mới' },
    { code: 'CLAIMED', label: 'Đang xử lý' },
    { code: 'ANSWERED', label: 'Đã trả lời' },
    { code: 'CLOSED', label: 'Đã đóng' },
  ];
  const PRIORITIES = { URGENT: 'KHẨN CẤP', HIGH: 'ƯU TIÊN', NORMAL: 'THƯỜNG' };
  const INTENTS = {
    PROCEDURE: 'Hỏi thủ tục',
    EMERGENCY: 'Tình huống khẩn cấp',
    CRIME_REPORT: 'Tố giác, tin báo tội phạm',
    SMALL_TALK: 'Trò chuyện',
    OUT_OF_SCOPE: 'Ngoài phạm vi',
  };
  const CHANNELS = { messenger: 'Messenger', zalo: 'Zalo' };
  const AUTHORS = { CITIZEN: 'Người dân', ASSISTANT: 'Trợ lý', OFFICER: 'Cán bộ' };
  const REPLY_MODES = {
    STANDARD: 'Có thể trả lời bình thường.',
    HUMAN_AGENT: 'Đã quá 24 giờ: tin trả lời được gửi với thẻ HUMAN_AGENT (nhân viên hỗ trợ).',
    CLOSED: 'Đã quá hạn: không thể gửi trả lời trên kênh này nữa.',
  };
  const ERRORS = {
    unauthorized: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
    forbidden: 'Tài khoản không có quyền với mục này.',
    not_found: 'Không tìm thấy yêu cầu (hoặc yêu cầu thuộc đơn vị khác).',
    malformed_json: 'Dữ liệu gửi lên không hợp lệ.',
    invalid_request: 'Dữ liệu chưa hợp lệ.',
    invalid_status: 'Trạng thái không hợp lệ.',
    invalid_cursor: 'Trang này không còn hợp lệ; hãy quay về trang đầu.',
    unknown_procedure: 'Mã thủ tục không có trong kho kiến thức.',
    closed: 'Yêu cầu đã đóng.',
    reply_window_closed: 'Đã quá hạn trả lời trên kênh này: tin nhắn không được gửi.',
    channel_failed: 'Kênh (Messenger/Zalo) chưa nhận tin nhắn; chưa có gì được gửi, hãy thử lại.',
    unavailable: 'Hệ thống lưu trữ tạm thời không truy cập được; hãy thử lại sau ít phút.',
    internal: 'Lỗi hệ thống; hãy thử lại.',
  };
  const REPLY_MAX = 2000;
  const CLOSE_MAX = 500;
  const QUESTION_MAX = 500;
  const PAGE_SIZE = 20;
  /** How often an open queue asks for new cases, and how long before a token expires it is refreshed. */
  const POLL_MS = 5000;
  const REFRESH_BEFORE_MS = 5 * 60e3;
  const SOUND_KEY = 'citizenqa.console.sound';
  const REFRESH_KEY = 'citizenqa.console.refresh';
  const TITLE = document.title;

  // The API lives on the same origin, under whatever prefix the console itself is served from.
  const apiBase = location.pathname.replace(/\/console(\/.*)?$/, '');

  const state = {
    config: { signIn: 'token' },
    token: null,
    claims: null,
    units: null, // for supervisors: the units they may pick
    unitNames: new Map(), // unit id → its name (GET /units)
    seenUrgent: null, // ids of the URGENT cases already shown on the open queue (null until the first load)
    trail: [], // cursors of the queue pages before the current one
    trailKey: '',
  };

  // ---------------------------------------------------------------- DOM helpers (text only, never HTML)

  function h(tag, props, ...children) {
    return build(document.createElement(tag), props, children);
  }

  function svg(tag, props, ...children) {
    return build(document.createElementNS(SVG_NS, tag), props, children);
  }

  function build(node, props, children) {
    for (const [key, value] of Object.entries(props || {})) {
      if (value == null || value === false) continue;
      if (key === 'class') node.setAttribute('class', value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : String(child)); // a string becomes a Text node
    }
    return node;
  }

  const $ = (id) => document.getElementById(id);

  function showView(name) {
    for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== 'view-' + name;
    for (const link of document.querySelectorAll('[data-nav]')) {
      link.classList.toggle('active', link.dataset.nav === name || (name === 'case' && link.dataset.nav === 'queue'));
    }
  }

  let noticeTimer = null;
  function notify(text, kind = 'ok') {
    const box = $('notice');
    clearTimeout(noticeTimer);
    box.textContent = text;
    box.className = 'notice notice-' + kind;
    box.hidden = false;
    if (kind === 'ok') noticeTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  function clearNotice() {
    clearTimeout(noticeTimer);
    $('notice').hidden = true;
  }

  // ---------------------------------------------------------------- formatting

  const timeFormat = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
  });
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

  function formatTime(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? '—' : timeFormat.format(new Date(t));
  }

  /** "2026-11-30" → "30/11/2026": every date the page shows reads day, month, year. */
  function formatDay(isoDay) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDay || ''));
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '—';
  }

  /** "30/11/2026" (or "30/11/26", "1/2/2026") → "2026-11-30", or null when it is not a day. */
  function parseDay(text) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(String(text || ''));
    if (!m) return null;
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[1])));
    if (date.getUTCDate() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) return null;
    return date.toISOString().slice(0, 10);
  }

  /** The unit's name, or its id while the names are not known. */
  function unitName(id) {
    return (id && state.unitNames.get(id)) || id || '';
  }

  /** How long the citizen has waited, from the message officers were given: "chờ 4 phút". */
  function waiting(createdIso, now = Date.now()) {
    const t = Date.parse(createdIso);
    return Number.isNaN(t) ? '' : 'chờ ' + formatDuration(Math.max(0, now - t));
  }

  function waitingBadge(createdIso) {
    const node = h('span', { class: 'waiting', dataset: { since: createdIso }, title: 'Người dân nhắn lúc ' + formatTime(createdIso) });
    node.textContent = waiting(createdIso);
    return node;
  }

  /**
   * A reason as triage wrote it lists every cue it matched ("cứu với, cứu, đang đánh, đang đánh nhau"): each is said
   * once, and a cue inside a longer one is left out ("cứu với, đang đánh nhau").
   */
  function reasonWords(reason) {
    const cues = String(reason || '').split(/\s*[,;]\s*/).map((c) => c.trim()).filter(Boolean);
    const fold = (t) => ' ' + t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd') + ' ';
    const kept = [];
    cues.forEach((cue, i) => {
      const f = fold(cue);
      const inLonger = cues.some((other, j) => j !== i && fold(other).length > f.length && fold(other).includes(f));
      if (!inLonger && !kept.some((k) => fold(k) === f)) kept.push(cue);
    });
    return kept.join(', ');
  }

  /** "2 ngày 4 giờ", "3 giờ 20 phút", "15 phút", "dưới 1 phút". */
  function formatDuration(ms) {
    const minutes = Math.floor(ms / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    const parts = [];
    if (days) parts.push(days + ' ngày');
    if (hours) parts.push(hours + ' giờ');
    if (!days && mins) parts.push(mins + ' phút');
    return parts.length ? parts.join(' ') : 'dưới 1 phút';
  }

  /** Time left until a reply deadline: {text: "còn 3 giờ 20 phút" | "đã quá hạn", level}. */
  function timeLeft(deadlineIso, now = Date.now()) {
    const deadline = Date.parse(deadlineIso);
    if (Number.isNaN(deadline)) return { text: 'không rõ hạn', level: 'unknown' };
    const ms = deadline - now;
    if (ms <= 0) return { text: 'đã quá hạn', level: 'overdue' };
    const level = ms < 2 * 3600e3 ? 'soon' : ms < 12 * 3600e3 ? 'near' : 'ok';
    return { text: 'còn ' + formatDuration(ms), level };
  }

  function deadlineBadge(deadlineIso) {
    const node = h('span', { class: 'time-left', dataset: { deadline: deadlineIso }, title: 'Hạn trả lời: ' + formatTime(deadlineIso) });
    refreshDeadline(node);
    return node;
  }

  function refreshDeadline(node) {
    const left = timeLeft(node.dataset.deadline);
    node.textContent = left.text;
    node.className = 'time-left left-' + left.level;
  }

  // Deadlines and waiting times move on while the page is open.
  setInterval(() => {
    document.querySelectorAll('.time-left').forEach(refreshDeadline);
    document.querySelectorAll('.waiting').forEach((n) => { n.textContent = waiting(n.dataset.since); });
  }, 30000);

  function priorityBadge(priority) {
    return h('span', { class: 'badge prio prio-' + String(priority).toLowerCase() }, PRIORITIES[priority] || priority);
  }

  function statusLabel(code) {
    const s = STATUSES.find((x) => x.code === code);
    return s ? s.label : code;
  }

  function statusBadge(code) {
    return h('span', { class: 'badge status status-' + String(code).toLowerCase() }, statusLabel(code));
  }

  function formatSeconds(seconds) {
    if (seconds == null) return '—';
    if (seconds < 60) return seconds + ' giây';
    return formatDuration(seconds * 1000);
  }

  function today() {
    return dayFormat.format(new Date());
  }

  function addDays(day, n) {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  }

  // ---------------------------------------------------------------- the API

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || 'HTTP ' + status);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + state.token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(apiBase + path, {
        method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, { error: 'network', message: String(e) });
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.status === 401) {
      signOut('Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại.');
      throw new ApiError(401, data);
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  /** Words an officer can act on, in Vietnamese, with the API's own message as the detail. */
  function describe(error) {
    if (!(error instanceof ApiError)) return 'Lỗi: ' + String(error);
    const code = error.body.error;
    if (code === 'network') return 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
    if (code === 'held_by_other') return 'Cán bộ ' + (error.body.holder || 'khác') + ' đang xử lý yêu cầu này.';
    const words = ERRORS[code] || 'Không thực hiện được (mã ' + error.status + ').';
    return error.body.message ? words + ' (' + error.body.message + ')' : words;
  }

  // ---------------------------------------------------------------- signing in

  function decodeClaims(token) {
    const parts = String(token).split('.');
    if (parts.length !== 3) return null;
    try {
      const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims && typeof claims === 'object' ? claims : null;
    } catch (e) {
      return null;
    }
  }

  function groupsOf(claims) {
    const g = claims['cognito:groups'];
    if (Array.isArray(g)) return g.map(String);
    return typeof g === 'string' ? g.replace(/[[\]]/g, '').split(/[\s,]+/).filter(Boolean) : [];
  }

  const isSupervisor = () => groupsOf(state.claims).includes('supervisor');
  const ownUnit = () => (state.claims && state.claims['custom:unit']) || null;
  const me = () => state.claims && state.claims.sub;

  /** Takes a token if it is a readable, unexpired JWT; else says why not. */
  function acceptToken(token) {
    const claims = decodeClaims(token);
    if (!claims) return 'Mã đăng nhập không đúng định dạng (JWT gồm ba phần ngăn bởi dấu chấm).';
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return 'Mã đăng nhập đã hết hạn.';
    const groups = groupsOf(claims);
    if (!groups.includes('officer') && !groups.includes('supervisor')) {
      return 'Tài khoản không thuộc nhóm cán bộ (officer) hay lãnh đạo (supervisor).';
    }
    state.token = token;
    state.claims = claims;
    state.units = null;
    sessionStorage.setItem(TOKEN_KEY, token);
    scheduleRefresh();
    return null;
  }

  // ---------------------------------------------------------------- keeping the session

  let refreshTimer = null;
  /**
   * Before the token expires: deployed, a new id token from the hosted UI's token endpoint with the refresh token
   * (the officer is not sent to sign in again mid-case); locally (a pasted token cannot be renewed), a warning.
   */
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!state.claims || typeof state.claims.exp !== 'number') return;
    const wait = Math.max(0, state.claims.exp * 1000 - REFRESH_BEFORE_MS - Date.now());
    refreshTimer = setTimeout(refreshToken, Math.min(wait, 2147483000));
  }

  /** True when a new token was taken. */
  async function refreshToken() {
    const cognito = state.config.cognito;
    const refresh = sessionStorage.getItem(REFRESH_KEY);
    if (state.config.signIn !== 'cognito' || !cognito || !refresh) {
      notify('Phiên đăng nhập sắp hết hạn (lúc ' + formatTime(new Date(state.claims.exp * 1000).toISOString())
        + '). Hãy lưu việc đang làm và đăng nhập lại.', 'error');
      return false;
    }
    try {
      const response = await fetch(new URL('/oauth2/token', cognito.domain).toString(), {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: cognito.clientId, refresh_token: refresh }),
      });
      const tokens = await response.json();
      const problem = response.ok && tokens.id_token ? acceptToken(tokens.id_token) : 'refused';
      if (problem) throw new Error(problem);
      showSignedIn();
      return true;
    } catch (e) {
      notify('Không gia hạn được phiên đăng nhập; hãy đăng nhập lại trước khi phiên hết hạn.', 'error');
      return false;
    }
  }

  function signOut(message) {
    state.token = null;
    state.claims = null;
    state.units = null;
    state.seenUrgent = null;
    clearTimeout(refreshTimer);
    document.title = TITLE;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
    const cognito = state.config.cognito;
    if (!message && state.config.signIn === 'cognito' && cognito) {
      const url = new URL('/logout', cognito.domain);
      url.searchParams.set('client_id', cognito.clientId);
      url.searchParams.set('logout_uri', location.origin + location.pathname);
      location.assign(url.toString());
      return;
    }
    showSignIn(message);
  }

  function showSignIn(message) {
    $('mainnav').hidden = true;
    $('who').hidden = true;
    clearNotice();
    const cognito = state.config.signIn === 'cognito';
    $('signin-cognito').hidden = !cognito;
    $('signin-token').hidden = cognito;
    const error = $('signin-error');
    error.textContent = message || '';
    error.hidden = !message;
    showView('signin');
  }

  function showSignedIn() {
    $('mainnav').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = me() || '';
    $('who-unit').textContent = isSupervisor() ? 'Lãnh đạo' + (ownUnit() ? ' · ' + unitName(ownUnit()) : '')
      : unitName(ownUnit());
  }

  /** The units' names, once per sign-in: every place the page names a unit uses them. */
  let namesLoaded = null;
  function loadUnitNames() {
    if (!namesLoaded) {
      namesLoaded = api('GET', '/units').then((body) => {
        for (const u of body.units) state.unitNames.set(u.id, u.name + (u.status === 'MERGED' ? ' (đã sáp nhập)' : ''));
        state.unitRecords = body.units;
        showSignedIn();
      }).catch(() => { namesLoaded = null; });
    }
    return namesLoaded;
  }

  function randomString(bytes) {
    return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
  }

  function base64url(buffer) {
    let s = '';
    for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  /** The Cognito hosted UI, authorization code flow with PKCE: the browser never holds a client secret. */
  async function startCognitoSignIn() {
    const cognito = state.config.cognito;
    const verifier = randomString(48);
    const nonce = randomString(18);
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: nonce }));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const url = new URL('/oauth2/authorize', cognito.domain);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', cognito.clientId);
    url.searchParams.set('redirect_uri', redirectUri());
    url.searchParams.set('scope', cognito.scopes || 'openid email profile');
    url.searchParams.set('state', nonce);
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('code_challenge', challenge);
    location.assign(url.toString());
  }

  /** Back from the hosted UI with ?code=…&state=…: trade the code for tokens and keep the id token. */
  async function finishCognitoSignIn(params) {
    const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', location.pathname + '#/queue');
    if (params.get('error')) return 'Đăng nhập không thành công: ' + params.get('error');
    if (!saved || saved.state !== params.get('state')) return 'Phiên đăng nhập không khớp; hãy đăng nhập lại.';
    const cognito = state.config.cognito;
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cognito.clientId,
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: saved.verifier,
    });
    try {
      const response = await fetch(new URL('/oauth2/token', cognito.domain).toString(), {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form,
      });
      const tokens = await response.json();
      if (!response.ok || !tokens.id_token) return 'Đăng nhập không thành công: ' + (tokens.error || response.status);
      // The API's authorizer reads custom:unit and cognito:groups, which only the id token carries.
      if (tokens.refresh_token) sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
      return acceptToken(tokens.id_token);
    } catch (e) {
      return 'Không kết nối được máy chủ đăng nhập.';
    }
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    const [path, query] = (location.hash || '#/queue').slice(1).split('?');
    return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
  }

  async function route() {
    if (!state.token) return showSignIn();
    showSignedIn();
    clearNotice();
    await loadUnitNames();
    const { parts, params } = parseHash();
    if (parts[0] === 'case' && parts[1]) return showCase(decodeURIComponent(parts[1]));
    if (parts[0] === 'stats') return showStats();
    return showQueue(params);
  }

  function queueHash(status, unit, cursor) {
    const q = new URLSearchParams({ status });
    if (unit) q.set('unit', unit);
    if (cursor) q.set('cursor', cursor);
    return '#/queue?' + q.toString();
  }

  // ---------------------------------------------------------------- the queue

  async function supervisorUnits() {
    if (state.units) return state.units;
    const units = new Set(ownUnit() ? [ownUnit()] : []);
    try {
      const stats = await api('GET', '/stats?from=' + today() + '&to=' + today());
      for (const u of stats.units) units.add(u.unit);
    } catch (e) {
      notify(describe(e), 'error');
    }
    state.units = [...units].sort();
    return state.units;
  }

  let queueRequest = 0;
  let queueShown = '';
  async function showQueue(params, quiet = false) {
    if (!quiet) queueShown = '';
    showView('queue');
    $('case-back').href = location.hash || '#/queue'; // a case leads back to the tab and page it was opened from
    const request = ++queueRequest;
    const status = STATUSES.some((s) => s.code === params.get('status')) ? params.get('status') : 'OPEN';
    const cursor = params.get('cursor');
    let unit = params.get('unit') || ownUnit();
    if (isSupervisor()) {
      const units = await supervisorUnits();
      if (request !== queueRequest) return;
      if (!unit) unit = units[0] || null;
      const select = $('unit-select');
      select.replaceChildren(...units.map((u) => h('option', { value: u, selected: u === unit }, unitName(u))));
      $('unit-picker').hidden = units.length === 0;
    }
    $('queue-unit').textContent = unit ? '· ' + unitName(unit) : '';
    renderTabs(status, unit);

    const key = status + '|' + unit;
    if (key !== state.trailKey || !cursor) {
      state.trailKey = key;
      if (!cursor) state.trail = [];
    }
    const list = $('queue-list');
    if (!quiet) list.setAttribute('aria-busy', 'true');
    if (!unit) {
      list.replaceChildren();
      $('queue-empty').hidden = false;
      $('queue-empty').textContent = 'Chưa có đơn vị nào có trang đăng ký.';
      return;
    }
    const q = new URLSearchParams({ status, limit: String(PAGE_SIZE) });
    if (isSupervisor() || unit !== ownUnit()) q.set('unit', unit);
    if (cursor) q.set('cursor', cursor);
    let page;
    try {
      page = await api('GET', '/escalations?' + q.toString());
    } catch (e) {
      if (request !== queueRequest || quiet) return; // a failed poll is tried again at the next one
      list.removeAttribute('aria-busy');
      list.replaceChildren();
      if (e.status !== 401) notify(describe(e), 'error');
      return;
    }
    if (request !== queueRequest) return;
    if (state.seenUnit !== unit) {
      state.seenUnit = unit;
      state.seenUrgent = null;
    }
    const fresh = status === 'OPEN' ? newUrgent(page.escalations) : new Set();
    // A poll that finds the page as it is leaves it alone (no flicker, the pointer's row stays put).
    const shown = JSON.stringify(page.escalations.map((e) => [e.id, e.status, e.holder])) + '|' + page.nextCursor;
    if (!quiet || shown !== queueShown || fresh.size) {
      queueShown = shown;
      list.replaceChildren(...page.escalations.map((e) => caseRow(e, fresh.has(e.id))));
    }
    list.removeAttribute('aria-busy');
    if (status === 'OPEN') showUrgentCount(page.escalations, fresh);
    $('queue-empty').textContent = 'Không có yêu cầu nào ở trạng thái “' + statusLabel(status) + '”.';
    $('queue-empty').hidden = page.escalations.length > 0;

    $('page-number').textContent = state.trail.length || page.nextCursor ? 'Trang ' + (state.trail.length + 1) : '';
    $('page-first').hidden = !cursor;
    $('page-prev').hidden = state.trail.length === 0;
    $('page-next').hidden = !page.nextCursor;
    $('page-next').onclick = () => {
      state.trail.push(cursor);
      location.hash = queueHash(status, unit, page.nextCursor);
    };
    $('page-prev').onclick = () => {
      location.hash = queueHash(status, unit, state.trail.pop());
    };
    $('page-first').onclick = () => {
      state.trail = [];
      location.hash = queueHash(status, unit, null);
    };
  }

  function renderTabs(active, unit) {
    $('status-tabs').replaceChildren(...STATUSES.map((s) => h('a', {
      href: queueHash(s.code, isSupervisor() ? unit : null, null),
      role: 'tab',
      class: 'tab' + (s.code === active ? ' active' : ''),
      'aria-selected': s.code === active ? 'true' : 'false',
      dataset: { status: s.code },
    }, s.label)));
  }

  /**
   * An URGENT or HIGH case that is still waiting shows how long it has waited, in red, and who holds it; other cases
   * show the time left to reply.
   */
  function caseRow(e, isNew = false) {
    const live = e.status === 'OPEN' || e.status === 'CLAIMED';
    const pressing = live && (e.priority === 'URGENT' || e.priority === 'HIGH');
    return h('li', {
      class: 'case-row prio-' + String(e.priority).toLowerCase() + (isNew ? ' case-new' : ''),
      dataset: { id: e.id, priority: e.priority },
    },
    h('a', { class: 'case-link', href: '#/case/' + encodeURIComponent(e.id) },
      h('div', { class: 'row-top' },
        priorityBadge(e.priority),
        isNew ? h('span', { class: 'badge new' }, 'MỚI') : null,
        h('span', { class: 'intent' }, INTENTS[e.intent] || e.intent),
        h('span', { class: 'channel' }, CHANNELS[e.channel] || e.channel),
        pressing ? waitingBadge(e.citizenMessageAt || e.createdAt) : live ? deadlineBadge(e.replyDeadline) : statusBadge(e.status)),
      pressing ? h('p', { class: 'holder' + (e.holder ? '' : ' holder-none') },
        e.holder ? 'Đang xử lý: ' + e.holder : 'Chưa cán bộ nào nhận') : null,
      h('p', { class: 'citizen-text' }, e.citizenText),
      h('div', { class: 'row-meta' },
        h('span', null, 'Nhắn lúc ' + formatTime(e.citizenMessageAt)),
        pressing ? h('span', null, 'Hạn trả lời: ', deadlineBadge(e.replyDeadline)) : null,
        !pressing && e.holder ? h('span', null, 'Cán bộ: ' + e.holder) : null,
        e.reason ? h('span', { class: 'reason' }, 'Lý do: ' + reasonWords(e.reason)) : null)));
  }

  /** The URGENT cases on this page not seen before (none on the first look: they were there already). */
  function newUrgent(escalations) {
    const urgent = escalations.filter((e) => e.priority === 'URGENT').map((e) => e.id);
    if (state.seenUrgent === null) {
      state.seenUrgent = new Set(urgent);
      return new Set();
    }
    const fresh = new Set(urgent.filter((id) => !state.seenUrgent.has(id)));
    fresh.forEach((id) => state.seenUrgent.add(id));
    return fresh;
  }

  /** The tab's title counts the open URGENT cases; a new one is announced, and heard when the officer asked for it. */
  function showUrgentCount(escalations, fresh) {
    const urgent = escalations.filter((e) => e.priority === 'URGENT').length;
    document.title = urgent ? '(' + urgent + ') KHẨN CẤP · ' + TITLE : TITLE;
    if (fresh.size) {
      notify(fresh.size === 1 ? 'Có 1 yêu cầu KHẨN CẤP mới.' : 'Có ' + fresh.size + ' yêu cầu KHẨN CẤP mới.', 'error');
      if (soundOn()) playCue();
    }
  }

  const soundOn = () => localStorage.getItem(SOUND_KEY) === 'on';
  let audio = null;
  let cues = 0;
  /** Three short tones (the page plays no file: nothing to fetch, nothing the CSP must allow). */
  function playCue() {
    try {
      audio = audio || new AudioContext();
      const at = audio.currentTime;
      for (let i = 0; i < 3; i++) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.25, at + i * 0.3);
        gain.gain.setValueAtTime(0, at + i * 0.3 + 0.18);
        tone.connect(gain).connect(audio.destination);
        tone.start(at + i * 0.3);
        tone.stop(at + i * 0.3 + 0.2);
      }
      cues++;
    } catch (e) {
      // No sound on this device: the notice and the title still say it.
    }
  }

  // An open queue looks for new cases every few seconds while the tab is shown.
  setInterval(() => {
    if (!state.token || document.hidden || $('view-queue').hidden) return;
    showQueue(parseHash().params, true);
  }, POLL_MS);

  // ---------------------------------------------------------------- one case

  let caseRequest = 0;
  async function showCase(id) {
    showView('case');
    const request = ++caseRequest;
    const box = $('case');
    box.replaceChildren(h('p', { class: 'muted' }, 'Đang tải…'));
    try {
      const detail = await api('GET', '/escalations/' + encodeURIComponent(id));
      if (request === caseRequest) renderCase(detail);
    } catch (e) {
      if (request !== caseRequest) return;
      box.replaceChildren(h('p', { class: 'error', role: 'alert' }, describe(e)));
    }
  }

  /** Runs an action on the case; on success shows the new state and says so, else says what went wrong. */
  async function act(button, run, done) {
    const form = button.form || button.closest('section');
    const controls = form ? form.querySelectorAll('button, input, textarea, select') : [button];
    controls.forEach((c) => { c.disabled = true; });
    try {
      const result = await run();
      done(result);
    } catch (e) {
      controls.forEach((c) => { c.disabled = false; });
      if (e.status !== 401) notify(describe(e), 'error');
    }
  }

  function renderCase(d) {
    const box = $('case');
    const replyWindow = d.replyWindow;
    const left = replyWindow ? timeLeft(replyWindow.deadline) : null;
    const heldByOther = d.holder && d.holder !== me() && d.status !== 'CLOSED';
    const canReply = d.status !== 'CLOSED' && replyWindow && replyWindow.mode !== 'CLOSED' && !heldByOther;
    const answerDefault = d.answer ? d.answer.text : '';
    const questionDefault = d.citizenMessage ? d.citizenMessage.text : d.citizenText;

    const procedureList = h('datalist', { id: 'procedure-options' },
      (d.draft.candidates || []).map((c) => h('option', { value: c.id, label: c.title }, c.title)));

    const live = d.status === 'OPEN' || d.status === 'CLAIMED';
    const head = h('header', { class: 'case-head prio-' + String(d.priority).toLowerCase() },
      h('div', { class: 'row-top' }, priorityBadge(d.priority), statusBadge(d.status),
        h('span', { class: 'intent' }, INTENTS[d.intent] || d.intent),
        live ? waitingBadge(d.citizenMessageAt || d.createdAt) : null),
      h('p', { class: 'case-line' }, (CHANNELS[d.channel] || d.channel) + ' · ' + unitName(d.unit) + ' · '
        + (d.holder ? 'Đang xử lý: ' + d.holder : 'Chưa cán bộ nào nhận')),
      d.reason ? h('p', { class: 'case-reason' }, 'Lý do chuyển: ' + reasonWords(d.reason)) : null,
      h('details', { class: 'facts-box', open: !phone() },
        h('summary', null, 'Chi tiết yêu cầu'),
        h('dl', { class: 'facts' },
          fact('Mã yêu cầu', d.id),
          fact('Kênh', (CHANNELS[d.channel] || d.channel) + ' · trang ' + d.pageId),
          fact('Đơn vị', unitName(d.unit)),
          fact('Người dân nhắn lúc', formatTime(d.citizenMessageAt)),
          fact('Chuyển cán bộ lúc', formatTime(d.createdAt)),
          fact('Cán bộ xử lý', d.holder || 'chưa có'))));

    const deadline = h('section', { class: 'panel deadline left-' + (left ? left.level : 'unknown'), id: 'case-deadline' },
      h('h2', null, 'Hạn trả lời'),
      replyWindow ? [
        h('p', { class: 'deadline-left' }, deadlineBadge(replyWindow.deadline), ' (đến ' + formatTime(replyWindow.deadline) + ')'),
        h('p', { class: 'muted' }, REPLY_MODES[replyWindow.mode] || replyWindow.mode),
        replyWindow.mode === 'STANDARD' && replyWindow.standardUntil !== replyWindow.deadline
          ? h('p', { class: 'muted' }, 'Sau ' + formatTime(replyWindow.standardUntil)
            + ' (24 giờ từ tin nhắn cuối của người dân), tin trả lời sẽ gửi với thẻ HUMAN_AGENT.') : null,
      ] : h('p', null, 'Không rõ.'));

    const citizen = h('section', { class: 'panel citizen', id: 'case-citizen' },
      h('h2', null, 'Tin nhắn của người dân'),
      h('p', { class: 'message-text', id: 'citizen-message' }, d.citizenMessage ? d.citizenMessage.text : d.citizenText),
      d.citizenMessage ? null
        : h('p', { class: 'muted' }, 'Cuộc trò chuyện đã hết hạn lưu: đây là bản đã che thông tin cá nhân.'));
    const whereAndWho = contactPanel(d);

    const conversation = h('section', { class: 'panel conversation' },
      h('h2', null, 'Cuộc trò chuyện gần đây'),
      d.conversation.length === 0 ? h('p', { class: 'muted' }, 'Không còn tin nhắn nào được lưu.') : null,
      h('ol', { class: 'messages', id: 'conversation' }, d.conversation.map((m) => h('li', {
        class: 'msg msg-' + String(m.author).toLowerCase() + (d.citizenMessage && m.id === d.citizenMessage.id ? ' msg-escalated' : ''),
      },
      h('div', { class: 'msg-meta' }, (AUTHORS[m.author] || m.author) + (m.authorId ? ' ' + m.authorId : '') + ' · ' + formatTime(m.at)),
      h('p', { class: 'message-text' }, m.text)))));

    const draft = h('section', { class: 'panel draft' },
      h('h2', null, 'Trợ lý đã trả lời'),
      h('p', { class: 'message-text', id: 'draft-reply' }, d.draft.reply),
      d.draft.candidates.length ? [
        h('h3', null, 'Thủ tục có thể liên quan'),
        h('ul', { class: 'candidates' }, d.draft.candidates.map((c) => h('li', null,
          h('span', { class: 'candidate-title' }, c.title),
          h('span', { class: 'muted' }, ' · ' + c.id + ' · ' + Math.round(c.score * 100) + '%'),
          ' ',
          h('button', {
            type: 'button', class: 'small',
            onclick: () => {
              box.querySelectorAll('input[name=procedureId]').forEach((input) => { input.value = c.id; });
            },
          }, 'Chọn')))),
      ] : h('p', { class: 'muted' }, 'Trợ lý không tìm thấy thủ tục phù hợp.'));

    // What an officer does first (claim, reply) comes first on a phone; the rest follows the conversation.
    const actions = h('div', { class: 'actions', id: 'case-actions' });
    const more = h('div', { class: 'actions-more' });

    if (d.status === 'OPEN') {
      actions.append(h('section', { class: 'panel' },
        h('h2', { class: 'claim-title' }, 'Nhận xử lý'),
        h('p', { class: 'muted' }, 'Nhận để các cán bộ khác biết yêu cầu đang có người xử lý.'),
        h('button', {
          type: 'button', class: 'primary', id: 'claim-button',
          onclick: (ev) => act(ev.target, () => api('POST', '/escalations/' + encodeURIComponent(d.id) + '/claim'),
            (detail) => { renderCase(detail); notify('Bạn đã nhận xử lý yêu cầu này.'); }),
        }, 'Nhận xử lý')));
    } else if (heldByOther) {
      actions.append(h('p', { class: 'panel held' }, 'Cán bộ ' + d.holder + ' đang xử lý yêu cầu này.'));
    }

    if (canReply) {
      const text = h('textarea', { name: 'text', id: 'reply-text', rows: phone() ? 3 : 6, maxlength: REPLY_MAX, required: true });
      const counter = h('span', { class: 'muted counter' }, '0/' + REPLY_MAX);
      text.addEventListener('input', () => { counter.textContent = text.value.length + '/' + REPLY_MAX; });
      const procedure = h('input', {
        name: 'procedureId', id: 'reply-procedure', list: 'procedure-options', autocomplete: 'off',
        placeholder: 'Gõ tên thủ tục, ví dụ: tạm trú',
      });
      searchProcedures(procedure, procedureList);
      const form = h('form', { class: 'panel reply', id: 'reply-form' },
        h('h2', null, d.answer ? 'Trả lời thêm' : 'Trả lời người dân'),
        h('label', { for: 'reply-text' }, 'Nội dung gửi qua ' + (CHANNELS[d.channel] || d.channel)),
        text, counter,
        h('label', { for: 'reply-procedure' }, 'Thủ tục liên quan (không bắt buộc)'), procedure,
        h('p', { class: 'hint', id: 'reply-procedure-title' }, 'Khi có thủ tục, câu hỏi tiếp theo của người dân được hiểu là về thủ tục này.'),
        h('button', { type: 'submit', class: 'primary' }, 'Gửi trả lời'));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const body = { text: text.value.trim() };
        if (!body.text) return notify('Hãy nhập nội dung trả lời.', 'error');
        if (procedure.value.trim()) body.procedureId = procedure.value.trim();
        act(ev.submitter || form.querySelector('button[type=submit]'),
          () => api('POST', '/escalations/' + encodeURIComponent(d.id) + '/reply', body),
          (outcome) => { renderCase(outcome.escalation); notify('Đã gửi trả lời tới người dân qua ' + (CHANNELS[outcome.delivery.channel] || outcome.delivery.channel) + '.'); });
      });
      actions.append(form);
    } else if (d.status !== 'CLOSED' && replyWindow && replyWindow.mode === 'CLOSED') {
      actions.append(h('p', { class: 'panel error' }, REPLY_MODES.CLOSED));
    }

    if (d.answer) {
      more.append(h('section', { class: 'panel answer' },
        h('h2', null, 'Trả lời gần nhất của cán bộ'),
        h('p', { class: 'message-text', id: 'latest-answer' }, d.answer.text),
        h('p', { class: 'muted' }, d.answer.officer + ' · ' + formatTime(d.answer.at))));
    }

    if (d.status !== 'CLOSED') {
      const reason = h('textarea', { name: 'reason', id: 'close-reason', rows: 2, maxlength: CLOSE_MAX, required: true });
      const form = h('form', { class: 'panel close', id: 'close-form' },
        h('h2', null, 'Đóng yêu cầu'),
        h('label', { for: 'close-reason' }, 'Lý do đóng'), reason,
        h('button', { type: 'submit' }, 'Đóng yêu cầu'));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        if (!reason.value.trim()) return notify('Hãy ghi lý do đóng.', 'error');
        act(ev.submitter || form.querySelector('button[type=submit]'),
          () => api('POST', '/escalations/' + encodeURIComponent(d.id) + '/close', { reason: reason.value.trim() }),
          (detail) => { renderCase(detail); notify('Đã đóng yêu cầu.'); });
      });
      more.append(form);
    } else if (d.closure) {
      more.append(h('section', { class: 'panel closure' },
        h('h2', null, 'Đã đóng'),
        h('p', { class: 'message-text' }, d.closure.reason),
        h('p', { class: 'muted' }, d.closure.officer + ' · ' + formatTime(d.closure.at))));
    }

    {
      const procedure = h('input', { name: 'procedureId', id: 'suggest-procedure', list: 'procedure-options', required: true, autocomplete: 'off' });
      const question = h('textarea', { name: 'question', id: 'suggest-question', rows: 2, maxlength: QUESTION_MAX });
      question.value = (questionDefault || '').slice(0, QUESTION_MAX);
      const answer = h('textarea', { name: 'answer', id: 'suggest-answer', rows: 3, maxlength: REPLY_MAX });
      answer.value = answerDefault;
      const form = h('form', { id: 'suggest-form' },
        h('label', { for: 'suggest-procedure' }, 'Mã thủ tục'), procedure,
        h('label', { for: 'suggest-question' }, 'Câu hỏi mẫu'), question,
        h('label', { for: 'suggest-answer' }, 'Câu trả lời (không bắt buộc)'), answer,
        h('p', { class: 'hint' }, 'Biên tập viên xem xét đề xuất trước khi đưa vào kho kiến thức. Thông tin cá nhân được che khi lưu.'),
        h('button', { type: 'submit' }, 'Gửi đề xuất'));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const body = { procedureId: procedure.value.trim() };
        if (!body.procedureId) return notify('Hãy nhập mã thủ tục.', 'error');
        if (question.value.trim()) body.question = question.value.trim();
        if (answer.value.trim()) body.answer = answer.value.trim();
        act(ev.submitter || form.querySelector('button[type=submit]'),
          () => api('POST', '/escalations/' + encodeURIComponent(d.id) + '/suggest', body),
          (suggestion) => {
            form.querySelectorAll('button, input, textarea').forEach((c) => { c.disabled = false; });
            notify('Đã lưu đề xuất cho thủ tục ' + suggestion.procedureId + '; biên tập viên sẽ xem xét.');
          });
      });
      more.append(h('details', { class: 'panel suggest' }, h('summary', null, 'Đề xuất đưa vào kho kiến thức'), form));
    }

    const history = h('section', { class: 'panel history' },
      h('h2', null, 'Lịch sử'),
      h('ol', { class: 'history-list' }, d.history.map((c) => h('li', null,
        h('span', null, formatTime(c.at) + ' · '), statusBadge(c.status),
        h('span', null, ' · ' + (c.by === 'assistant' ? 'trợ lý' : c.by)),
        c.note ? h('span', { class: 'muted' }, ' · ' + c.note) : null))));

    box.className = 'case prio-' + String(d.priority).toLowerCase();
    box.dataset.id = d.id;
    box.dataset.status = d.status;
    box.replaceChildren(head, procedureList,
      h('div', { class: 'case-grid' },
        h('div', { class: 'case-main' }, citizen, whereAndWho, conversation, draft),
        h('div', { class: 'case-side' }, actions, deadline, more, history)));
  }

  const phone = () => window.matchMedia('(max-width: 760px)').matches;

  const PLACE_WORDS = {
    address: 'Địa chỉ', latitude: 'Vĩ độ', longitude: 'Kinh độ', name: 'Tên', phone: 'Số điện thoại',
    email: 'Thư điện tử', title: 'Nơi', text: 'Ghi chú',
  };

  /**
   * Where the citizen is and how to reach them, when the channel gave it (a shared location, a contact card): the
   * fields as the API names them, a map link for coordinates. Nothing when the case has none.
   */
  function contactPanel(d) {
    const parts = [];
    for (const [key, title] of [['location', 'Vị trí người dân gửi'], ['contact', 'Thông tin liên hệ']]) {
      const value = d[key];
      if (!value || typeof value !== 'object') continue;
      const rows = Object.entries(value).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
      const lat = Number(value.latitude);
      const lon = Number(value.longitude);
      parts.push(h('h3', null, title), h('dl', { class: 'facts' }, rows.map(([k, v]) => fact(PLACE_WORDS[k] || k, String(v)))));
      if (Number.isFinite(lat) && Number.isFinite(lon) && (value.latitude != null) && (value.longitude != null)) {
        parts.push(h('p', null, h('a', {
          href: 'https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lon + '#map=17/' + lat + '/' + lon,
          target: '_blank', rel: 'noopener noreferrer',
        }, 'Xem trên bản đồ')));
      }
    }
    return parts.length ? h('section', { class: 'panel contact', id: 'case-contact' }, h('h2', null, 'Vị trí, liên hệ'), parts)
      : null;
  }

  /** The procedure field offers every procedure of the knowledge base whose title holds the words typed. */
  function searchProcedures(input, list) {
    let timer = null;
    let asked = 0;
    const titles = new Map([...list.querySelectorAll('option')].map((o) => [o.value, o.label]));
    const say = () => {
      const title = titles.get(input.value.trim());
      const hint = $('reply-procedure-title');
      if (hint && title) hint.textContent = 'Đã chọn: ' + title;
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      say();
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (titles.has(q)) return;
        const mine = ++asked;
        try {
          const found = await api('GET', '/procedures?limit=20&q=' + encodeURIComponent(q));
          if (mine !== asked) return;
          found.procedures.forEach((p) => titles.set(p.id, p.title));
          list.replaceChildren(...found.procedures.map((p) => h('option', { value: p.id, label: p.title }, p.title)));
        } catch (e) {
          // The candidates stay offered.
        }
      }, 200);
    });
  }

  function fact(label, value) {
    return [h('dt', null, label), h('dd', null, value == null || value === '' ? '—' : value)];
  }

  // ---------------------------------------------------------------- figures

  const FIGURES = [
    { key: 'questions', label: 'Câu hỏi' },
    { key: 'answered', label: 'Tự trả lời' },
    { key: 'clarified', label: 'Gợi ý thủ tục' },
    { key: 'escalated', label: 'Chuyển cán bộ' },
    { key: 'crimeReports', label: 'Tin báo tội phạm' },
    { key: 'emergencies', label: 'Khẩn cấp' },
    { key: 'officerReplies', label: 'Cán bộ trả lời' },
    { key: 'plateLookups', label: 'Tra cứu biển số' },
  ];
  // The chart splits each unit's questions by what became of them.
  const SEGMENTS = [
    { key: 'answered', label: 'Tự trả lời', cls: 'seg-answered' },
    { key: 'clarified', label: 'Gợi ý thủ tục', cls: 'seg-clarified' },
    { key: 'escalated', label: 'Chuyển cán bộ', cls: 'seg-escalated' },
  ];

  let statsRequest = 0;
  async function showStats() {
    showView('stats');
    const from = $('stats-from');
    const to = $('stats-to');
    if (!to.value) to.value = formatDay(today());
    if (!from.value) from.value = formatDay(addDays(parseDay(to.value) || today(), -6));
    const request = ++statsRequest;
    const body = $('stats-body');
    const first = parseDay(from.value);
    const last = parseDay(to.value);
    if (!first || !last) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert' }, 'Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2026.'));
      return;
    }
    body.replaceChildren(h('p', { class: 'muted' }, 'Đang tải…'));
    let stats;
    try {
      stats = await api('GET', '/stats?from=' + encodeURIComponent(first) + '&to=' + encodeURIComponent(last));
    } catch (e) {
      if (request === statsRequest) body.replaceChildren(h('p', { class: 'error', role: 'alert' }, describe(e)));
      return;
    }
    if (request !== statsRequest) return;
    if (stats.units.length === 0) {
      body.replaceChildren(h('p', { class: 'muted' }, 'Chưa có đơn vị nào có trang đăng ký.'));
      return;
    }
    body.replaceChildren(
      h('h2', { id: 'stats-range' }, 'Từ ' + formatDay(stats.from) + ' đến ' + formatDay(stats.to)),
      statsChart(stats.units, body.clientWidth || 360),
      statsTable(stats.units, stats.total));
  }

  const MEDIAN_LABEL = 'Thời gian phản hồi đầu (trung vị)';

  /**
   * One row per unit and the total (its median from every unit's first replies, as the API computes it). On a phone
   * each row is a card of label and figure (style.css), so nothing scrolls sideways.
   */
  function statsTable(units, total) {
    const cells = (figures) => [FIGURES.map((f) => h('td', { dataset: { label: f.label } }, String(figures[f.key]))),
      h('td', { dataset: { label: MEDIAN_LABEL } }, formatSeconds(figures.medianFirstReplySeconds))];
    return h('div', { class: 'table-wrap' }, h('table', { class: 'stats', id: 'stats-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Đơn vị'),
        FIGURES.map((f) => h('th', { scope: 'col' }, f.label)),
        h('th', { scope: 'col' }, MEDIAN_LABEL))),
      h('tbody', null, units.map((u) => h('tr', { dataset: { unit: u.unit } },
        h('th', { scope: 'row' }, unitName(u.unit)), cells(u.total)))),
      units.length > 1 && total ? h('tfoot', null, h('tr', { dataset: { unit: '' } },
        h('th', { scope: 'row' }, 'Tổng'), cells(total))) : null));
  }

  /**
   * Drawn at the width it is shown at (its text stays 13 px on a phone): the unit's name beside its bar on a wide
   * screen, above it on a narrow one.
   */
  function statsChart(units, available) {
    const narrow = available < 560;
    const width = Math.max(280, Math.min(760, available - 26));
    const labelWidth = narrow ? 0 : 210;
    const barWidth = width - labelWidth - 50;
    const rowHeight = narrow ? 46 : 30;
    const height = units.length * rowHeight + 8;
    const max = Math.max(1, ...units.map((u) => u.total.questions));
    const scale = (n) => (n / max) * barWidth;
    const chart = svg('svg', {
      class: 'chart', id: 'stats-chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Câu hỏi theo đơn vị: tự trả lời, gợi ý thủ tục, chuyển cán bộ, khác',
    });
    chart.setAttribute('width', String(width));
    chart.setAttribute('height', String(height));
    units.forEach((u, i) => {
      const y = 4 + i * rowHeight;
      const barY = narrow ? y + 20 : y + 4;
      const barHeight = narrow ? 20 : rowHeight - 10;
      chart.append(narrow
        ? svg('text', { x: 0, y: y + 14, class: 'chart-label' }, unitName(u.unit))
        : svg('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, unitName(u.unit)));
      // The whole bar is the unit's questions; what is not coloured is small talk and the like.
      chart.append(svg('rect', { x: labelWidth, y: barY, width: scale(u.total.questions), height: barHeight, class: 'seg-other' },
        svg('title', null, unitName(u.unit) + ': ' + u.total.questions + ' câu hỏi')));
      let x = labelWidth;
      for (const s of SEGMENTS) {
        const w = scale(u.total[s.key]);
        if (w <= 0) continue;
        chart.append(svg('rect', { x, y: barY, width: w, height: barHeight, class: s.cls },
          svg('title', null, unitName(u.unit) + ' · ' + s.label + ': ' + u.total[s.key])));
        x += w;
      }
      chart.append(svg('text', { x: labelWidth + scale(u.total.questions) + 6, y: barY + barHeight / 2 + 5, class: 'chart-value' },
        String(u.total.questions)));
    });
    const legend = h('ul', { class: 'legend' }, SEGMENTS.concat([{ label: 'Khác (trò chuyện, ngoài phạm vi)', cls: 'seg-other' }])
      .map((s) => h('li', null, h('span', { class: 'swatch ' + s.cls, 'aria-hidden': 'true' }), s.label)));
    return h('figure', { class: 'chart-box' }, chart, legend,
      h('figcaption', { class: 'muted' }, 'Số câu hỏi của mỗi đơn vị và cách chúng được xử lý.'));
  }

  // ---------------------------------------------------------------- start

  async function loadConfig() {
    try {
      const response = await fetch('config.json', { cache: 'no-store' });
      if (response.ok) state.config = await response.json();
    } catch (e) {
      // Without a configuration, fall back to the development token (what serve offers).
    }
  }

  async function start() {
    $('sign-out').addEventListener('click', () => signOut());
    $('queue-refresh').addEventListener('click', () => route());
    const sound = $('sound-toggle');
    sound.checked = soundOn();
    sound.addEventListener('change', () => {
      localStorage.setItem(SOUND_KEY, sound.checked ? 'on' : 'off');
      if (sound.checked) {
        // Browsers let a page sound only after a click: this one unlocks it, and says how it sounds.
        audio = audio || new AudioContext();
        audio.resume();
        playCue();
      }
    });
    $('unit-select').addEventListener('change', (ev) => {
      location.hash = queueHash(parseHash().params.get('status') || 'OPEN', ev.target.value, null);
    });
    $('stats-form').addEventListener('submit', (ev) => { ev.preventDefault(); showStats(); });
    $('signin-cognito-button').addEventListener('click', () => startCognitoSignIn());
    $('signin-token').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const problem = acceptToken($('token-input').value.trim());
      $('token-input').value = '';
      if (problem) return showSignIn(problem);
      if (!location.hash || location.hash === '#/') location.hash = '#/queue';
      route();
    });
    window.addEventListener('hashchange', route);

    await loadConfig();
    let problem = null;
    const params = new URLSearchParams(location.search);
    if (state.config.signIn === 'cognito' && (params.has('code') || params.has('error'))) {
      problem = await finishCognitoSignIn(params);
    } else {
      const saved = sessionStorage.getItem(TOKEN_KEY);
      if (saved) problem = acceptToken(saved);
      if (problem) sessionStorage.removeItem(TOKEN_KEY);
    }
    if (problem) return showSignIn(problem);
    route();
  }

  // For the browser tests: the deadline wording, checked against fixed instants.
  // The cue count lets a test see that a new URGENT case sounded (or, off by default, did not).
  // renewSession does now what the page does 5 minutes before the token expires.
  window.citizenQaConsole = Object.freeze({
    timeLeft, formatDuration, reasonWords, parseDay, formatDay, cues: () => cues, renewSession: refreshToken,
  });

  start();
})();
