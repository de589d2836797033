// Staying late and Sunday overtime in a real browser (issue 15, seed 003 方案1 with a quota of 3 call-minutes): after
// Monday's extension is over the supervisor's team day lists who was short at 17:50, whether the extension cleared
// it and who owes Sunday overtime; the supervisor marks a stay done, and on Sunday the overtime.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 2 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const plus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const monday = nextMonday();
const sunday = plus(monday, 6);
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, browser, ids = {}, names = {}, teamOf = {};
before(async () => {
  dir = freshData({ demo: true });
  const b = readFileSync(preset('preset-b'), 'utf8');
  const small = `${b.slice(0, b.indexOf('[quotas]'))}[quotas]\n${b.slice(b.indexOf('[quotas.shortfall]'), b.indexOf('[[quotas.daily]]'))}` +
    '[[quotas.daily]]\nmetric = "talk_minutes"\ntarget = 3\nfine_per_unit_fen = 0\n';
  const file = join(mkdtempSync(join(tmpdir(), 'waihu-policy-')), 'small-b.toml');
  writeFileSync(file, small);
  const applied = cli(dir, ['policy', 'apply', file]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  browser = await launch();
  await setClock(at(monday, '10:05'));
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) { ids[u.username] = u.id; names[u.username] = u.display_name; teamOf[u.username] = u.team_id; }
  // agent02 makes 1 of 3 minutes in the morning; nobody else in the group calls.
  const token = await login(srv.base, 'agent02', DEMO_PASSWORD);
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent02}&limit=1`, { token: admin })).json.items[0];
  const r = await api(srv.base, 'POST', '/api/v1/calls', { token, body: { customer_id: c.id, started_at: at(monday, '10:00'), ring_seconds: 5, talk_seconds: 50, talk_seconds_reason: '补录', result: 'connected' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  await setClock(at(monday, '18:45'));
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

test('the supervisor sees who stays late and who owes Sunday, marks a stay done, and the Sunday once it comes', async () => {
  const sup = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/floor?date=${monday}`, now: at(monday, '18:45') });
  const stay = sup.page.getByTestId('stay-late-table');
  await stay.getByTestId(`stay-done-${ids.agent02}`).waitFor();
  const row = stay.locator('tr', { hasText: names.agent02 });
  await row.getByText('仍未完成').waitFor();
  await row.getByText('周日加班').waitFor();
  await sup.page.getByTestId('sunday-table').getByText(monday).first().waitFor();
  assert.ok(await sup.page.getByTestId('sunday-table').getByText('周日到后再标记').first().isVisible(), 'not before the Sunday');
  await sup.page.getByTestId(`stay-done-${ids.agent02}`).click();
  await row.getByText('已标记完成').waitFor();
  await sup.page.getByTestId(`count-${teamOf.agent02}`).getByText('待审核').waitFor();
  await screenshot(sup.page, 'floor-stay-late');
  await sup.context.close();

  // The department manager signs off the group's count (preset B "交部門經理審核").
  const mgr = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: `/floor?date=${monday}`, now: at(monday, '18:45') });
  await mgr.page.getByTestId(`approve-${teamOf.agent02}`).click();
  await mgr.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await mgr.page.getByTestId(`count-${teamOf.agent02}`).getByText(/审核（当时 \d+ 人未完成）/).waitFor();
  await screenshot(mgr.page, 'floor-count-signed-off');
  await mgr.context.close();

  await setClock(at(sunday, '15:00'));
  const sun = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/floor?date=${sunday}`, now: at(sunday, '15:00'), viewport: { width: 390, height: 844 } });
  await sun.page.getByTestId(`sunday-done-${ids.agent02}`).click();
  await sun.page.getByTestId('sunday-table').getByText('已标记完成').first().waitFor();
  await screenshot(sun.page, 'floor-sunday-phone');
  await sun.context.close();
  const token = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const week = (await api(srv.base, 'GET', `/api/v1/discipline/sunday-overtime?date=${monday}`, { token })).json;
  assert.ok(week.items.find((r) => r.user_id === ids.agent02).done);
});
