// Work reports in a real browser (issue 15, seed 001): an agent writes the week's report from the menu — the
// deadline, the supervisor and assistant, the figures filled in — and sends it; another sends after Saturday 22:00
// and is told it is late; the supervisor answers from 待我回复, leaving a question open and closing it later; the
// manager closes Saturday, sees the fines' shares in the activity fund and records spending; a 390-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const plus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const monday = nextMonday();
const wednesday = plus(monday, 2);
const saturday = plus(monday, 5);
const at = (day, hm) => `${day}T${hm}:00+08:00`;
const phone = { width: 390, height: 844 };

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-001')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await setClock(at(wednesday, '17:30'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

async function setClock(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const r = await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}

async function write(page, { summary, plan, questions }) {
  await page.getByTestId('report-write').click();
  await page.getByTestId('report-draft-figures').waitFor();
  await page.getByTestId('report-summary').fill(summary);
  await page.getByTestId('report-plan').fill(plan);
  if (questions) await page.getByTestId('report-questions').fill(questions);
}

test('an agent writes the week\'s report: the deadline, who receives it, the figures filled in; sent once', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/desk', now: at(wednesday, '17:30') });
  // The desk says what is due: this week's report by Saturday 22:00, not sent yet.
  const due = page.getByTestId('desk-reports-due').getByTestId('due-weekly');
  await due.getByText('未交').waitFor();
  assert.match(await due.innerText(), new RegExp(`周报 .* 截止 ${saturday} 22:00`));
  await openFromMenu(page, '考核', '工作汇报');
  await page.getByTestId('report-write').click();
  await page.getByTestId('report-draft-figures').waitFor();
  assert.match(await page.getByTestId('report-due').innerText(), new RegExp(`截止 ${saturday} 22:00`));
  assert.match(await page.locator('.ant-modal').innerText(), /主送 李强 · 抄送 周燕/);
  assert.match(await page.getByTestId('report-draft-figures').innerText(), /有效通话/);
  // The plan is required for a weekly report.
  await page.getByTestId('report-summary').fill('本周外呼 300 通，新增 A 类客户 1 家');
  await page.getByTestId('report-send').click();
  await page.locator('.ant-modal').getByText('周报、月报须写下期计划').waitFor();
  await page.getByTestId('report-plan').fill('下周约见 A 类客户，推进签约');
  await page.getByTestId('report-questions').fill('新产品报价单什么时候下发？');
  await screenshot(page, 'reports-write');
  await page.getByTestId('report-send').click();
  await page.getByTestId('report-drawer').getByTestId('report-summary-text').getByText('本周外呼 300 通').waitFor();
  await page.getByTestId('report-drawer').getByText('还没有回复').waitFor();
  await page.keyboard.press('Escape');
  const row = page.getByTestId('my-reports').locator('tr', { hasText: '周报' });
  await row.getByText('按时').waitFor();
  await row.getByText('未回复').waitFor();
  // Writing it again shows that it was sent and offers it instead.
  await page.getByTestId('report-write').click();
  await page.locator('.ant-modal').getByText('这一期已经提交过了').waitFor();
  assert.ok(await page.getByTestId('report-send').isDisabled());
  await screenshot(page, 'reports-mine');
  await context.close();
});

test('after Saturday 22:00 the form warns that the report is late, and the list says so', async () => {
  await setClock(at(saturday, '22:05'));
  const { context, page } = await signIn(browser, srv.base, 'agent02', DEMO_PASSWORD, { path: '/reports', now: at(saturday, '22:05') });
  await write(page, { summary: '本周外呼 250 通', plan: '下周加大拨打量' });
  await page.getByTestId('report-late-warning').waitFor();
  await page.getByTestId('report-send').click();
  await page.getByTestId('report-drawer').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('my-reports').locator('tr', { hasText: '周报' }).getByText('迟交').waitFor();
  await context.close();
});

test('the supervisor answers from 待我回复: a question left open stays listed until it is answered', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/reports', now: at(saturday, '22:10') });
  await page.getByRole('tab', { name: '待我回复' }).click();
  const inbox = page.getByTestId('reports-inbox');
  const row = inbox.locator('tr', { hasText: '罗辉' });
  await row.waitFor();
  assert.equal(await inbox.locator('tr', { hasText: '徐伟' }).count(), 1);
  assert.equal(await inbox.locator('tr', { hasText: '林' }).count(), 0, 'another group\'s reports are not here');
  await screenshot(page, 'reports-inbox');
  await row.getByRole('button', { name: /查\s*看/ }).click();
  const drawer = page.getByTestId('report-drawer');
  await drawer.getByTestId('report-questions-text').getByText('新产品报价单').waitFor();
  await drawer.getByTestId('report-reply-body').fill('总结清楚。报价单要等总部确认，下周告诉你具体时间');
  await drawer.getByTestId('report-question-open').check();
  await drawer.getByTestId('report-reply-send').click();
  await drawer.getByTestId('report-replies').getByText('问题待答').waitFor();
  await screenshot(page, 'reports-reply');
  await page.keyboard.press('Escape');
  await row.getByText('问题待答').waitFor();
  await row.getByRole('button', { name: /查\s*看/ }).click();
  await drawer.getByTestId('report-reply-body').fill('报价单周二下发');
  await drawer.getByTestId('report-reply-send').click();
  await drawer.getByTestId('report-replies').getByText('报价单周二下发').waitFor();
  await page.keyboard.press('Escape');
  await inbox.locator('tr', { hasText: '罗辉' }).waitFor({ state: 'detached' });
  await context.close();
});

test('the manager closes Saturday: the fines\' shares are in the group\'s fund; spending is recorded, never beyond it', async () => {
  await setClock(at(plus(saturday, 1), '10:00'));
  const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close', { token, body: { date: saturday } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const fund = (await api(srv.base, 'GET', '/api/v1/discipline/fund', { token })).json;
  const group = fund.teams.find((x) => x.name === '电销一组');
  assert.ok(group.balance_fen >= 2500, 'at least agent02\'s late report paid 25 yuan in');

  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/reports', now: at(plus(saturday, 1), '10:00') });
  await page.getByRole('tab', { name: '活动经费' }).click();
  await page.getByTestId(`fund-balance-${group.team_id}`).getByText((group.balance_fen / 100).toFixed(2)).waitFor();
  await page.getByTestId('fund-teams').locator('tr', { hasText: '电销一组' }).click();
  await page.getByTestId('fund-rows').getByText('+25.00').first().waitFor();
  await page.getByTestId('fund-spend').click();
  await page.getByTestId('fund-spend-amount').fill('20');
  await page.getByTestId('fund-spend-reason').fill('周末团队下午茶');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('fund-rows').getByText('周末团队下午茶').waitFor();
  await page.getByTestId(`fund-balance-${group.team_id}`).getByText(((group.balance_fen - 2000) / 100).toFixed(2)).waitFor();
  await screenshot(page, 'reports-fund');
  await context.close();
});

test('on a 390-px phone the agent\'s reports and the form fit the screen', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent03', DEMO_PASSWORD, { path: '/reports', viewport: phone, now: at(plus(saturday, 1), '10:00') });
  await page.getByTestId('report-write').click();
  await page.getByTestId('report-draft-figures').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll');
  // The dialog has finished zooming in before the picture is taken.
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await screenshot(page, 'reports-phone-form');
  await context.close();
});
