// Leaderboards and the elimination list in a real browser (issue 15, seed 001): a manager reads last month's sales
// ranking and switches metric; an agent sees only their own place (at phone width); after last month is closed the
// manager confirms one listed person and overrides another with a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const [y, m] = today.slice(0, 7).split('-').map(Number);
const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-001')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the manager reads the leaderboard; an agent sees only their own place', async () => {
  const mgr = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/desk' });
  await openFromMenu(mgr.page, '考核', '排行榜');
  const table = mgr.page.getByTestId('rankings-table');
  // The department's agents and field reps: rows, not the placeholder a table shows while it loads.
  await mgr.page.waitForFunction(() => document.querySelectorAll('[data-testid=rankings-table] tbody tr.ant-table-row').length >= 30);
  await mgr.page.getByTestId('rankings-metric').click();
  await mgr.page.locator('.ant-select-dropdown').getByText('外呼', { exact: true }).click();
  await mgr.page.getByTestId('rankings-span').getByText('周').click();
  await table.locator('tbody tr').first().waitFor();
  await screenshot(mgr.page, 'rankings-manager');
  await mgr.context.close();

  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/rankings', viewport: { width: 390, height: 844 } });
  await agent.page.getByTestId('rankings-mine').getByText(/第 \d+ 名 \/ 共 \d+ 人/).waitFor();
  assert.equal(await agent.page.getByTestId('rankings-table').count(), 0);
  await screenshot(agent.page, 'rankings-agent-phone');
  await agent.context.close();
});

test('after the month closes, the manager confirms one listed person and overrides another with a reason', async () => {
  const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close-month', { token, body: { month: lastMonth } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const listed = (await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token })).json.items;
  assert.ok(listed.length >= 2);
  const [first, second] = listed;
  const mgr = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/decisions' });
  await mgr.page.getByRole('tab', { name: '末位淘汰' }).click();
  const table = mgr.page.getByTestId('warnings-table');
  await table.getByTestId(`override-${second.id}`).waitFor();
  await screenshot(mgr.page, 'warnings-open');
  await table.getByTestId(`${first.proposes === 'warning' ? 'warn' : 'eliminate'}-${first.id}`).click();
  await mgr.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  // Decided: the row leaves the open list (the toast is too brief to wait on).
  await table.getByTestId(`override-${first.id}`).waitFor({ state: 'detached' });
  await table.getByTestId(`override-${second.id}`).click();
  await mgr.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await mgr.page.locator('.ant-modal').getByText('请写明说明').waitFor();
  await mgr.page.getByTestId('decision-note').fill('本月带新人，业绩另算');
  await mgr.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await table.getByTestId(`override-${second.id}`).waitFor({ state: 'detached' });
  await mgr.context.close();
  const decided = (await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&state=decided&limit=1000`, { token })).json.items;
  const byId = Object.fromEntries(decided.map((w) => [w.id, w]));
  assert.equal(byId[first.id].decision, first.proposes);
  assert.deepEqual([byId[second.id].decision, byId[second.id].note], ['overridden', '本月带新人，业绩另算']);

  // The supervisor of a listed agent's group reads the list under the leaderboard — their group's only — and decides
  // none of it.
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const users = (await api(srv.base, 'GET', '/api/v1/users?limit=200', { token: admin })).json.items;
  const teamOf = (id) => users.find((u) => u.id === id).team_id;
  const supervisorOf = (w) => users.find((u) => u.role === 'supervisor' && u.team_id === teamOf(w.user_id));
  const target = listed.find(supervisorOf);
  assert.ok(target, 'an agent of a supervised group is listed');
  const supervisor = supervisorOf(target);
  const supToken = await login(srv.base, supervisor.username, DEMO_PASSWORD);
  const theirs = [...(await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&limit=1000`, { token: supToken })).json.items,
    ...(await api(srv.base, 'GET', `/api/v1/discipline/warnings?month=${lastMonth}&state=decided&limit=1000`, { token: supToken })).json.items];
  assert.ok(theirs.some((w) => w.id === target.id) && theirs.every((w) => teamOf(w.user_id) === supervisor.team_id), 'their group\'s only');
  const sup = await signIn(browser, srv.base, supervisor.username, DEMO_PASSWORD, { path: '/rankings' });
  const box = sup.page.getByTestId('rankings-warnings');
  if (target.id !== listed[2].id) await box.getByTestId('warnings-state').getByText('已处理').click();
  await box.getByText(target.user_name).first().waitFor();
  assert.equal(await box.locator('[data-testid^="override-"], [data-testid^="warn-"], [data-testid^="eliminate-"]').count(), 0, 'supervisors do not decide');
  await screenshot(sup.page, 'rankings-supervisor-warnings');
  await sup.context.close();
});
