// Marking a call fabricated (虚报) in a real browser (issue 15, preset A): the supervisor audits the group's calls of
// the day, marks one with what the audit found, and the list shows it marked; the agent's ledger has the fine and the
// call no longer counts. Agents see no such button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, login, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

// A call of agent01's logged today (company time) a moment ago: the calls page opens on today, and just after
// midnight the demo's day has no calls yet.
async function callToday() {
  const token = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const me = (await api(srv.base, 'GET', '/api/v1/auth/me', { token })).json;
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${me.id}&limit=1`, { token })).json.items[0];
  const now = Date.now();
  const midnight = Date.parse(`${new Date(now + 8 * 3600000).toISOString().slice(0, 10)}T00:00:00+08:00`);
  const started = new Date(Math.max(now - 120000, midnight + 1000)).toISOString();
  const r = await api(srv.base, 'POST', '/api/v1/calls', { token, body: { customer_id: c.id, started_at: started, ring_seconds: 0, talk_seconds: 0, result: 'no_answer' } });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json;
}

test('the supervisor marks one of the day\'s calls fabricated; it stays listed, marked, and the fine is on the ledger', async () => {
  await callToday();
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/calls' });
  const table = page.getByTestId('calls-table');
  const button = table.locator('[data-testid^="call-mark-"]').first();
  await button.waitFor();
  const id = Number((await button.getAttribute('data-testid')).replace('call-mark-', ''));
  const token = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const call = (await api(srv.base, 'GET', `/api/v1/calls/${id}`, { token })).json;
  await button.click();
  await page.getByTestId('call-mark-reason').waitFor();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').getByText('请写明查实依据').waitFor();
  await page.getByTestId('call-mark-reason').fill('录音核查：该通话无人接听，记录与录音不符');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('已标记虚报，罚款 50.00 元已记入台账').waitFor();
  await table.getByTestId(`call-fabricated-${id}`).waitFor();
  await screenshot(page, 'calls-fabricated');
  const marked = (await api(srv.base, 'GET', `/api/v1/calls/${id}`, { token })).json;
  assert.equal(marked.fabricated.reason, '录音核查：该通话无人接听，记录与录音不符');
  const month = marked.started_at.slice(0, 7);
  const ledger = (await api(srv.base, 'GET', `/api/v1/discipline/ledger?user_id=${call.agent_id}`, { token })).json;
  assert.ok(ledger.items.some((e) => e.item === 'fabricated' && e.fine_fen === 5000 && e.evidence.includes(`#${id}`)), month);
  await context.close();

  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/calls' });
  await agent.page.getByTestId('calls-table').waitFor();
  await agent.page.waitForLoadState('networkidle');
  assert.equal(await agent.page.locator('[data-testid^="call-mark-"]').count(), 0, 'agents do not mark calls');
  await agent.context.close();
});

test('on a customer\'s timeline the supervisor marks a follow-up fabricated; the agent sees it marked and no button', async () => {
  const token = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const me = (await api(srv.base, 'GET', '/api/v1/auth/me', { token })).json;
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${me.id}&limit=1`, { token })).json.items[0];
  const f = await api(srv.base, 'POST', '/api/v1/follow-ups', { token, body: { customer_id: c.id, channel: 'fax', content: '传真了产品报价单' } });
  assert.equal(f.status, 201, JSON.stringify(f.json));
  const sup = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/customers/${c.id}` });
  await sup.page.getByTestId(`follow-up-mark-${f.json.id}`).click();
  await sup.page.getByTestId('follow-up-mark-reason').fill('回访客户：未收到任何传真');
  await sup.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await sup.page.getByTestId(`follow-up-fabricated-${f.json.id}`).waitFor();
  await screenshot(sup.page, 'timeline-follow-up-fabricated');
  await sup.context.close();

  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: `/customers/${c.id}`, viewport: { width: 390, height: 844 } });
  await agent.page.getByTestId(`follow-up-fabricated-${f.json.id}`).waitFor();
  assert.equal(await agent.page.locator('[data-testid^="follow-up-mark-"], [data-testid^="call-mark-"]').count(), 0, 'agents do not mark');
  await screenshot(agent.page, 'timeline-fabricated-agent-phone');
  await agent.context.close();
});
