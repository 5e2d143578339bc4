// The officer console in a real browser (the machine's chromium, driven by playwright-core), against `serve`
// with the escalations a signed webhook created. Started by ConsoleBrowserTest, which passes everything in the
// environment and checks afterwards that the reply reached the channel stand-in. One browser, a few seconds.
// Exit code 0: every step passed; 1: a step failed (its error, the page's text and a screenshot are left).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`console.e2e: ${name} is not set (ConsoleBrowserTest sets it)`);
    process.exit(2);
  }
  return value;
}

const BASE = required('CONSOLE_URL');
const TOKEN_A = required('TOKEN_OFFICER_A');
const TOKEN_A2 = required('TOKEN_OFFICER_A2');
const TOKEN_B = required('TOKEN_OFFICER_B');
const TOKEN_SUPERVISOR = required('TOKEN_SUPERVISOR');
const UNIT_A = required('UNIT_A');
const UNIT_B = required('UNIT_B');
const UNIT_A_NAME = required('UNIT_A_NAME');
const UNIT_B_NAME = required('UNIT_B_NAME');
const MSG_LATE = required('MSG_LATE');
const LATE_WEBHOOK_URL = required('LATE_WEBHOOK_URL');
const LATE_BODY = required('LATE_BODY');
const LATE_SIGNATURE = required('LATE_SIGNATURE');
const OFFICER_A = required('OFFICER_A');
const MSG_URGENT = required('MSG_URGENT');
const MSG_SCRIPT = required('MSG_SCRIPT');
const MSG_OVERDUE = required('MSG_OVERDUE');
const MSG_B = required('MSG_B');
const PAGES_B = Number(required('PAGES_B'));
const REPLY_TEXT = required('REPLY_TEXT');
const SUGGEST_PROCEDURE = required('SUGGEST_PROCEDURE');
const SCREENSHOTS = required('SCREENSHOT_DIR');
const ARTIFACTS = required('ARTIFACT_DIR');
const COGNITO_URL = required('COGNITO_CONSOLE_URL');
const COGNITO_OFFICER = required('COGNITO_OFFICER');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync(ARTIFACTS, { recursive: true });

class Failed extends Error {}
function check(condition, message) {
  if (!condition) throw new Failed(message);
}

/** Waits until `probe` returns a truthy value (the page renders after its fetches). */
async function eventually(probe, what, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Failed(`${what} (last seen: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started = Date.now();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

const pages = [];
const pageProblems = [];
async function officerPage(viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on('pageerror', (e) => pageProblems.push('uncaught error: ' + e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) pageProblems.push('CSP violation: ' + m.text());
  });
  pages.push(page);
  return page;
}

async function signIn(page, token) {
  await page.goto(BASE);
  await page.locator('#signin-token').waitFor();
  await page.locator('#token-input').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.locator('#view-queue').waitFor();
}

const rows = (page) => page.locator('#queue-list > li');
const rowTexts = (page) => page.locator('#queue-list .citizen-text').allTextContents();

let passed = 0;
let current = null;
async function step(name, body) {
  const t = Date.now();
  current = name;
  await body();
  passed++;
  console.log(`ok ${passed} - ${name} (${Date.now() - t} ms)`);
}

let caseId = null;
try {
  const a = await officerPage();

  await step('the console asks for a development token and refuses a malformed one', async () => {
    await a.goto(BASE);
    await a.locator('#signin-token').waitFor();
    check(await a.title() === 'Bàn làm việc cán bộ · citizen-qa', 'title: ' + await a.title());
    await a.locator('#token-input').fill('not-a-token');
    await a.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const error = await a.locator('#signin-error').textContent();
    check(/không đúng định dạng/.test(error), 'error shown: ' + error);
  });

  await step("officer A signs in and sees the unit's open queue, urgent first", async () => {
    await signIn(a, TOKEN_A);
    check((await a.locator('#who-name').textContent()) === OFFICER_A, 'who: ' + await a.locator('#who-name').textContent());
    await eventually(async () => (await a.locator('#who-unit').textContent()) === UNIT_A_NAME,
      'the unit is named, not its id');
    check((await a.locator('#queue-unit').textContent()).includes(UNIT_A_NAME), 'queue heading names the unit');
    await eventually(async () => (await rowTexts(a)).includes(MSG_URGENT), 'the emergency is in the queue');
    const priorities = await rows(a).evaluateAll((els) => els.map((e) => e.dataset.priority));
    const rank = { URGENT: 0, HIGH: 1, NORMAL: 2 };
    check(priorities[0] === 'URGENT', 'first row is ' + priorities[0]);
    check(priorities.every((p, i) => i === 0 || rank[priorities[i - 1]] <= rank[p]), 'order: ' + priorities.join(' '));
    check((await a.locator('.tab.active').getAttribute('data-status')) === 'OPEN', 'OPEN tab is active');
    const urgentRow = rows(a).filter({ hasText: MSG_URGENT });
    const badge = await urgentRow.locator('.badge.prio').textContent();
    check(badge === 'KHẨN CẤP', 'urgent badge: ' + badge);
    const colour = await urgentRow.locator('.badge.prio').evaluate((e) => getComputedStyle(e).backgroundColor);
    check(colour === 'rgb(179, 18, 31)', 'urgent badge colour: ' + colour);
    const waited = await urgentRow.locator('.row-top .waiting').textContent();
    check(/^chờ (dưới 1 phút|\d+ phút)$/.test(waited), 'an urgent case says how long it has waited: ' + waited);
    const waitColour = await urgentRow.locator('.row-top .waiting').evaluate((e) => getComputedStyle(e).color);
    check(waitColour === 'rgb(179, 18, 31)', 'the waiting time is red: ' + waitColour);
    check((await urgentRow.locator('.holder').textContent()) === 'Chưa cán bộ nào nhận', 'and that nobody holds it');
    const left = await urgentRow.locator('.row-meta .time-left').textContent();
    check(/^còn 6 ngày \d+ giờ$/.test(left), 'a Messenger case has 7 days as a human agent: ' + left);
  });

  await step('reasons say each cue once', async () => {
    const words = await a.evaluate(() => window.citizenQaConsole.reasonWords(
      'cứu với, cứu, cầm dao, đang đánh, đang đánh nhau, đánh nhau'));
    check(words === 'cứu với, cầm dao, đang đánh nhau', 'reason: ' + words);
  });

  await step("a citizen's <script> and markup are shown as text and never run", async () => {
    const row = rows(a).filter({ hasText: '<script>' });
    check(await row.count() === 1, 'one row shows the markup as text');
    check((await row.locator('.citizen-text').textContent()) === MSG_SCRIPT, 'the text as written');
    check(await a.locator('#queue-list script, #queue-list img').count() === 0, 'no element made from the text');
    check(await a.evaluate(() => window.pwned) === undefined, 'the script did not run');
  });

  await step('a message past the channel window reads "đã quá hạn"', async () => {
    const left = await rows(a).filter({ hasText: MSG_OVERDUE }).locator('.time-left').textContent();
    check(left === 'đã quá hạn', 'overdue: ' + left);
  });

  await step('deadlines read as time left', async () => {
    const words = await a.evaluate(() => {
      const now = Date.parse('2026-11-28T10:00:00Z');
      const at = (ms) => new Date(now + ms).toISOString();
      const f = window.citizenQaConsole.timeLeft;
      return [f(at((3 * 60 + 20) * 60e3 + 30e3), now).text, f(at(15 * 60e3), now).text, f(at(30e3), now).text,
        f(at((2 * 24 + 4) * 3600e3 + 5 * 60e3), now).text, f(at(-1000), now).text];
    });
    check(JSON.stringify(words) === JSON.stringify(['còn 3 giờ 20 phút', 'còn 15 phút', 'còn dưới 1 phút', 'còn 2 ngày 4 giờ', 'đã quá hạn']),
      'words: ' + words.join(' | '));
  });

  await step('a new URGENT case appears on the open queue without a click, in the tab title, silent by default', async () => {
    check(!(await a.locator('#sound-toggle').isChecked()), 'the sound is off by default');
    const before = await rows(a).count();
    const posted = await fetch(LATE_WEBHOOK_URL, {
      method: 'POST', body: LATE_BODY,
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': LATE_SIGNATURE },
    });
    check(posted.status === 200, 'the webhook took the late message: ' + posted.status);
    const t = Date.now();
    await eventually(async () => (await rowTexts(a)).includes(MSG_LATE), 'the new case shows up by itself', 12000);
    console.log(`  the new URGENT case appeared ${Date.now() - t} ms after the webhook, without a click`);
    check(await rows(a).count() === before + 1, 'one more row');
    const row = rows(a).filter({ hasText: MSG_LATE });
    check((await row.getAttribute('class')).includes('case-new'), 'marked new');
    check((await row.getAttribute('data-priority')) === 'URGENT', 'it is urgent');
    check(/^\(\d+\) KHẨN CẤP · /.test(await a.title()), 'the tab title counts urgent cases: ' + await a.title());
    check(/KHẨN CẤP mới/.test(await a.locator('#notice').textContent()), 'a notice says so');
    check(await a.evaluate(() => window.citizenQaConsole.cues()) === 0, 'no sound unless asked for');
  });

  await a.mouse.move(0, 0); // no row underlined by a resting pointer
  await a.screenshot({ path: join(SCREENSHOTS, 'console-queue.png') });

  await step("on a phone, a case's message and its claim and reply actions are on the first screen", async () => {
    const phone = await officerPage({ width: 390, height: 844 });
    await signIn(phone, TOKEN_A2);
    await eventually(async () => (await rowTexts(phone)).includes(MSG_LATE), 'the queue on the phone');
    check(await phone.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the queue does not scroll sideways');
    await rows(phone).filter({ hasText: MSG_LATE }).locator('a').click();
    await phone.locator('#case[data-status="OPEN"]').waitFor();
    for (const [what, selector] of [['the message', '#citizen-message'], ['claim', '#claim-button'],
      ['the reply box', '#reply-text'], ['send', '#reply-form button[type=submit]']]) {
      const box = await phone.locator(selector).boundingBox();
      check(box && box.y >= 0 && box.y + box.height <= 844, `${what} is on the first screen: ${JSON.stringify(box)}`);
    }
    check(await phone.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the case does not scroll sideways');
    await phone.screenshot({ path: join(SCREENSHOTS, 'console-case-phone.png') });
    await phone.context().close();
  });

  await step('the case shows the message, the conversation, the draft and the deadline', async () => {
    await rows(a).filter({ hasText: MSG_URGENT }).locator('a').click();
    await a.locator('#case[data-status="OPEN"]').waitFor();
    caseId = await a.locator('#case').getAttribute('data-id');
    check((await a.locator('#citizen-message').textContent()) === MSG_URGENT, 'citizen message');
    const conversation = await a.locator('#conversation .message-text').allTextContents();
    check(conversation.length >= 4, 'the earlier question and its answer are there: ' + conversation.length);
    check(conversation.includes(MSG_URGENT), 'the escalated message is in the conversation');
    check(/114/.test(await a.locator('#draft-reply').textContent()), 'the draft gave the fire number');
    const place = await a.locator('#case-contact').textContent();
    check(place.includes('10.7768889') && place.includes('106.7008056'), 'the shared location is on the case: ' + place);
    check((await a.locator('#case-contact a').getAttribute('href')).includes('mlat=10.7768889'), 'a map link');
    const left = await a.locator('#case-deadline .time-left').textContent();
    check(/^còn 6 ngày \d+ giờ$/.test(left), 'deadline: ' + left);
  });

  await step('officer A claims it', async () => {
    await a.locator('#claim-button').click();
    await a.locator('#case[data-status="CLAIMED"]').waitFor();
    check(/đã nhận xử lý/.test(await a.locator('#notice').textContent()), 'claimed notice');
    check(await a.locator('#claim-button').count() === 0, 'no claim button any more');
  });

  await step('another officer of the unit sees who holds it and cannot reply', async () => {
    const a2 = await officerPage();
    await signIn(a2, TOKEN_A2);
    await a2.goto(BASE + '#/case/' + encodeURIComponent(caseId));
    await a2.locator('#case[data-status="CLAIMED"]').waitFor();
    const held = await a2.locator('.held').textContent();
    check(held.includes(OFFICER_A), 'held by: ' + held);
    check(await a2.locator('#reply-form').count() === 0, 'no reply form for them');
    await a2.context().close();
  });

  await step('the procedure field searches every procedure, not only the candidates', async () => {
    await a.locator('#reply-procedure').fill('ho chieu');
    await eventually(async () => (await a.locator('#procedure-options option').evaluateAll(
      (os) => os.map((o) => o.value))).includes('cap-ho-chieu'), 'passports are offered');
    await a.locator('#reply-procedure').fill('');
  });

  await step('officer A writes a reply', async () => {
    await a.locator('#reply-text').fill(REPLY_TEXT);
    check((await a.locator('.reply .counter').textContent()) === REPLY_TEXT.length + '/2000', 'counter');
  });

  await a.screenshot({ path: join(SCREENSHOTS, 'console-case.png'), fullPage: true });

  await step('the reply is sent on the channel and the case is ANSWERED', async () => {
    await a.getByRole('button', { name: 'Gửi trả lời' }).click();
    await a.locator('#case[data-status="ANSWERED"]').waitFor();
    check(/Đã gửi trả lời tới người dân qua Messenger/.test(await a.locator('#notice').textContent()), 'sent notice');
    check((await a.locator('#latest-answer').textContent()) === REPLY_TEXT, 'latest answer');
    const officerMessages = await a.locator('#conversation .msg-officer .message-text').allTextContents();
    check(officerMessages.includes(REPLY_TEXT), 'the reply is in the conversation: ' + officerMessages);
  });

  await step('the exchange is suggested for the knowledge base', async () => {
    await a.locator('.suggest summary').click();
    await a.locator('#suggest-procedure').fill(SUGGEST_PROCEDURE);
    check((await a.locator('#suggest-answer').inputValue()) === REPLY_TEXT, 'the answer defaults to the reply');
    await a.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await eventually(async () => /Đã lưu đề xuất/.test(await a.locator('#notice').textContent()), 'suggestion stored');
  });

  await step('officer A closes it with a reason; it leaves the open queue for the closed one', async () => {
    await a.locator('#close-reason').fill('Đội PCCC đã xử lý xong, người dân an toàn');
    await a.getByRole('button', { name: 'Đóng yêu cầu' }).click();
    await a.locator('#case[data-status="CLOSED"]').waitFor();
    const history = await a.locator('.history-list').textContent();
    check(history.includes('Đã đóng') && history.includes(OFFICER_A), 'history: ' + history);
    await a.locator('#case-back').click();
    await a.locator('.tab.active[data-status="OPEN"]').waitFor();
    await eventually(async () => (await rowTexts(a)).includes(MSG_SCRIPT), 'the open queue is shown');
    check(!(await rowTexts(a)).includes(MSG_URGENT), 'closed case left the open queue');
    await a.locator('.tab[data-status="CLOSED"]').click();
    await eventually(async () => (await rowTexts(a)).includes(MSG_URGENT), 'the closed case is under CLOSED');
  });

  await step("a second unit's officer sees only the own unit's cases, page by page", async () => {
    const b = await officerPage({ width: 390, height: 844 }); // a phone
    await signIn(b, TOKEN_B);
    await eventually(async () => (await rowTexts(b)).length > 0, "unit B's queue");
    const seen = new Set(await rowTexts(b));
    check(!seen.has(MSG_URGENT) && !seen.has(MSG_SCRIPT) && !seen.has(MSG_OVERDUE), "unit A's cases are not there");
    let pagesSeen = 1;
    while (await b.locator('#page-next').isVisible()) {
      const before = (await rows(b).first().getAttribute('data-id'));
      await b.locator('#page-next').click();
      await eventually(async () => (await rows(b).first().getAttribute('data-id')) !== before, 'the next page');
      (await rowTexts(b)).forEach((t) => seen.add(t));
      pagesSeen++;
    }
    check(pagesSeen === PAGES_B, `pages: ${pagesSeen}, expected ${PAGES_B}`);
    check(seen.has(MSG_B), "unit B's case is there");
    check(await b.locator('#page-prev').isVisible(), 'the last page can go back');
    await b.screenshot({ path: join(ARTIFACTS, 'console-queue-phone.png') });
    await b.goto(BASE + '#/case/' + encodeURIComponent(caseId));
    const error = await b.locator('#case .error').textContent();
    check(/Không tìm thấy/.test(error), "unit A's case by its id: " + error);
  });

  await step('a supervisor sees the figures per unit as a table and a chart', async () => {
    const s = await officerPage();
    await signIn(s, TOKEN_SUPERVISOR);
    await s.locator('[data-nav="stats"]').click();
    await s.locator('#stats-table').waitFor();
    const units = await s.locator('#stats-table tbody th').allTextContents();
    check(units.includes(UNIT_A_NAME) && units.includes(UNIT_B_NAME), 'units by name: ' + units);
    check(/^\d{2}\/\d{2}\/\d{4}$/.test(await s.locator('#stats-from').inputValue()), 'the date input reads dd/mm/yyyy');
    check(/^Từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}$/.test(await s.locator('#stats-range').textContent()),
      'the heading: ' + await s.locator('#stats-range').textContent());
    const median = await s.locator('#stats-table tfoot td').last().textContent();
    check(median !== '—', "the total's median first reply is computed from the units' replies: " + median);
    const cells = await s.locator(`#stats-table tbody tr[data-unit="${UNIT_A}"] td`).allTextContents();
    const header = await s.locator('#stats-table thead th').allTextContents();
    const figure = (label) => cells[header.indexOf(label) - 1];
    check(Number(figure('Chuyển cán bộ')) >= 3, 'escalated: ' + figure('Chuyển cán bộ'));
    check(figure('Cán bộ trả lời') === '1', 'officer replies: ' + figure('Cán bộ trả lời'));
    check(await s.locator('#stats-chart rect.seg-escalated').count() >= 2, 'the chart has a bar for each unit');
    check((await s.locator('#stats-chart text').allTextContents()).includes(UNIT_B_NAME), 'the chart names the units');
    await s.screenshot({ path: join(SCREENSHOTS, 'console-stats.png'), fullPage: true });
    await s.locator('#stats-from').fill('31/02/2026');
    await s.getByRole('button', { name: 'Xem', exact: true }).click();
    await eventually(async () => /ngày\/tháng\/năm/.test(await s.locator('#stats-body').textContent()), 'a wrong day is refused');
    await s.locator('[data-nav="queue"]').click();
    await s.locator('#unit-select').selectOption(UNIT_B);
    await eventually(async () => (await rowTexts(s)).includes(MSG_B), "the supervisor picks unit B's queue");
  });

  await step('on a phone the figures are readable and nothing scrolls sideways', async () => {
    const p = await officerPage({ width: 390, height: 844 });
    await signIn(p, TOKEN_SUPERVISOR);
    await p.locator('[data-nav="stats"]').click();
    await p.locator('#stats-table').waitFor();
    check(await p.evaluate(() => document.documentElement.scrollWidth) <= 390, 'no sideways scrolling');
    const label = await p.locator('#stats-chart .chart-label').first().boundingBox();
    check(label && label.height >= 11, 'chart labels at a readable size: ' + JSON.stringify(label));
    const cell = p.locator(`#stats-table tbody tr[data-unit="${UNIT_A}"] td`).first();
    check((await cell.evaluate((e) => getComputedStyle(e, '::before').content)).includes('Câu hỏi'), 'each figure is labelled');
    await p.screenshot({ path: join(SCREENSHOTS, 'console-stats-phone.png'), fullPage: true });
    await p.context().close();
  });

  await step('signing out forgets the token', async () => {
    await a.locator('#sign-out').click();
    await a.locator('#signin-token').waitFor();
    await a.reload();
    await a.locator('#signin-token').waitFor();
    check(await a.evaluate(() => sessionStorage.length) === 0, 'nothing kept');
  });

  await step('deployed, it signs in through the Cognito hosted UI (code flow with PKCE), renews the token, and signs out', async () => {
    const c = await officerPage();
    await c.goto(COGNITO_URL);
    await c.locator('#signin-cognito-button').click();
    await c.locator('#view-queue').waitFor();
    check((await c.locator('#who-name').textContent()) === COGNITO_OFFICER, 'signed in as ' + await c.locator('#who-name').textContent());
    check(!c.url().includes('code='), 'the code is not left in the address: ' + c.url());
    // That server has a store of its own, with nothing in it: an empty queue means the API took the id token.
    await c.locator('#queue-empty').waitFor();
    // What the page does 5 minutes before the token expires, done now: a new id token with the refresh token.
    check(await c.evaluate(() => window.citizenQaConsole.renewSession()) === true, 'the token was renewed');
    check((await c.locator('#who-name').textContent()) === COGNITO_OFFICER, 'still signed in after the renewal');
    await c.locator('#sign-out').click();
    await c.locator('#signin-cognito-button').waitFor();
    check(await c.evaluate(() => sessionStorage.length) === 0, 'nothing kept');
  });

  check(pageProblems.length === 0, 'the pages had problems:\n  ' + pageProblems.join('\n  '));
  console.log(`console e2e: all ${passed} steps passed in ${Date.now() - started} ms (chromium ${browser.version()})`);
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log(`not ok - ${current}\n  ${e instanceof Failed ? e.message : e.stack}`);
  if (pageProblems.length) console.log('  page problems:\n    ' + pageProblems.join('\n    '));
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    try {
      await page.screenshot({ path: join(ARTIFACTS, `failure-${i}.png`), fullPage: true });
      writeFileSync(join(ARTIFACTS, `failure-${i}.txt`), await page.locator('body').innerText());
      console.log(`  page ${i} (${page.url()}): screenshot and text in ${ARTIFACTS}/failure-${i}.*`);
    } catch (ignored) {
      // the page may be gone with the browser
    }
  }
  await browser.close();
  process.exit(1);
}
