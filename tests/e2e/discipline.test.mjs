// The floor's discipline in a real browser (issue 15), each as the role that uses it: an agent clocks in late from
// the desk and sees what the rule makes of it; the supervisor reads the group's day live; the manager closes the
// day the next morning and it turns final, the fine and points in the table; the agent's ledger adds them up; the
// desk and the team's day on a 390-px phone. Seed 004's rules; the server's clock and the browser's held together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

// A Monday at least two days after the demo's activity (which ends today): nobody has called on it.
function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const monday = nextMonday();
const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const at = (day, hm) => `${day}T${hm}:00+08:00`;
const phone = { width: 390, height: 844 };

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await setClock(at(monday, '09:10'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

// Sessions live by the server's clock, so each browser signs in after the clock is set.
async function setClock(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const r = await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
}
const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

test('an agent clocks in ten minutes late from the desk: the button shows the time, the card says 迟到', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/desk', now: at(monday, '09:10') });
  await page.getByTestId('clock-in').getByText('上班打卡').waitFor();
  await page.getByTestId('clock-in').click();
  await page.getByTestId('clock-in').getByText('上班 09:10').waitFor();
  assert.ok(await page.getByTestId('clock-in').isDisabled(), 'the first clock-in stays');
  assert.equal(await page.getByTestId('clock-preview').getAttribute('data-outcome'), 'late');
  assert.match(await page.getByTestId('clock-preview').innerText(), /迟到/);
  assert.match(await page.getByTestId('clock-month').innerText(), /本月绩效分变动 0，罚款 0\.00 元/);
  await screenshot(page, 'discipline-desk-clocked-in');

  // At 18:00 the same page clocks out; the preview still says late (not early: the workday is over).
  await setClock(at(monday, '18:00'));
  await context.clock.setFixedTime(new Date(at(monday, '18:00')));
  await page.getByTestId('clock-out').click();
  await page.getByTestId('clock-out').getByText('下班 18:00').waitFor();
  assert.equal(await page.getByTestId('clock-preview').getAttribute('data-outcome'), 'late');
  await context.close();
});

test('the supervisor reads the group\'s day live: the preview per person, only those short, and no close button', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/floor?date=${monday}`, now: at(monday, '18:00') });
  await page.getByTestId('floor-state').getByText('未结算（实时）').waitFor();
  const a1 = page.getByTestId('attendance-agent01');
  await a1.waitFor();
  assert.match(await a1.innerText(), /迟到/);
  assert.match(await page.getByTestId('attendance-agent02').innerText(), /旷工一天/, 'no clock, no call');
  assert.equal(await page.getByTestId('attendance-agent11').count(), 0, 'another group is out of scope');
  assert.equal(await page.getByTestId('floor-close').count(), 0, 'a supervisor does not close days');
  assert.equal(await page.getByTestId('clock-card').count(), 1, 'the supervisor clocks in too');
  await screenshot(page, 'discipline-floor-live');
  await context.close();
});

test('the manager closes Monday on Tuesday: the day turns final, the fine and points in the table and in the ledger', async () => {
  await setClock(at(tuesday, '10:00'));
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: `/floor?date=${monday}`, now: at(tuesday, '10:00') });
  await page.getByTestId('floor-state').getByText('未结算（实时）').waitFor();
  await page.getByTestId('floor-close').click();
  await page.locator('.ant-modal-confirm').getByText(`确定结算 ${monday}`).waitFor();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('floor-state').getByText('已结算（最终结果）').waitFor();
  assert.equal(await page.getByTestId('floor-close').count(), 0, 'a closed day closes once');

  // What the table shows is what the server wrote.
  const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const day = (await api(srv.base, 'GET', `/api/v1/discipline/team-day?date=${monday}`, { token })).json;
  const a1 = day.people.find((p) => p.username === 'agent01');
  assert.equal(a1.attendance.outcome, 'late');
  assert.equal(a1.attendance.late_minutes, 10);
  const late = a1.entries.find((e) => e.item === 'late');
  assert.deepEqual([late.points, late.fine_fen], [-2, 1000]);
  const entries = await page.getByTestId('entries-agent01').innerText();
  assert.match(entries, /迟到/);
  assert.match(entries, /-2/);
  assert.match(entries, /10\.00/);
  assert.match(await page.getByTestId('attendance-agent01').innerText(), /迟到/);
  await screenshot(page, 'discipline-floor-closed');

  // The name opens that person's ledger, totals over the month.
  await page.getByTestId('floor-table').getByRole('link', { name: a1.display_name }).click();
  await page.waitForURL(/\/ledger\?/);
  await page.getByTestId('ledger-table').getByText('迟到').first().waitFor();
  const ledger = (await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${monday.slice(0, 7)}&user_id=${a1.user_id}`, { token })).json;
  assert.match(await page.getByTestId('ledger-points').innerText(), new RegExp(String(ledger.points)));
  assert.match(await page.getByTestId('ledger-fines').innerText(), new RegExp((ledger.fines_fen / 100).toFixed(2)));
  await screenshot(page, 'discipline-ledger-manager');
  await context.close();
});

test('on a 390-px phone the agent\'s desk card and the supervisor\'s team day fit without sideways scroll', async () => {
  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/desk', viewport: phone, now: at(tuesday, '10:00') });
  await agent.page.getByTestId('clock-month').waitFor();
  assert.match(await agent.page.getByTestId('clock-month').innerText(), /-2/, 'Monday\'s points in the month');
  assert.ok(await noSidewaysScroll(agent.page));
  await screenshot(agent.page, 'discipline-desk-phone');
  await agent.page.getByTestId('ledger-link').click();
  await agent.page.getByTestId('ledger-table').getByText('迟到').first().waitFor();
  assert.ok(await noSidewaysScroll(agent.page));
  await screenshot(agent.page, 'discipline-ledger-phone');
  await agent.context.close();

  const sup = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/floor?date=${monday}`, viewport: phone, now: at(tuesday, '10:00') });
  await sup.page.getByTestId('attendance-agent01').waitFor();
  await sup.page.waitForLoadState('networkidle');
  assert.ok(await noSidewaysScroll(sup.page));
  await screenshot(sup.page, 'discipline-floor-phone');
  await sup.context.close();
});
