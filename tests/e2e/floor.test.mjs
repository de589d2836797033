// The floor's screens in a real browser (issue 13), each as the role that uses it: the agent's desk worked from
// the keyboard, the supervisor's per-agent table against the server's totals, the manager's overview, the
// English UI's errors, a session ending mid-page, the company's time in a browser on UTC, and the desk and
// customer page on a 390-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, login, sql, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

let dir, srv, browser, admin, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  browser = await launch();
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

const callsOf = (customerId) => sql(dir, `SELECT result, talk_seconds FROM calls WHERE customer_id = ${customerId} ORDER BY id DESC LIMIT 1`).trim();

test('the desk from the keyboard: N opens the next due customer with dial ready; D, A, E, 5, Ctrl+Enter log the call; N again', async () => {
  const token = await login(srv.base, 'agent03', DEMO_PASSWORD);
  const desk = (await api(srv.base, 'GET', '/api/v1/desk', { token })).json;
  assert.ok(desk.due >= 2, `agent03 has ${desk.due} follow-ups due`);
  const { context, page } = await signIn(browser, srv.base, 'agent03', DEMO_PASSWORD, { path: '/desk' });
  await page.getByTestId('desk-dials').waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid=desk-dials] .ant-statistic-content-value')?.textContent === String(n), desk.today.dials);
  assert.match(await page.getByTestId('desk-counts').innerText(), new RegExp(`昨日 ${desk.previous_day.dials}`));
  // Today's quotas as the server judged them: each target with how far along.
  for (const q of desk.targets) {
    assert.match(await page.getByTestId(`quota-${q.metric}`).innerText(), new RegExp(`${q.actual} / ${q.target}`));
  }
  assert.equal(await page.getByTestId('desk-quotas').locator('.ant-progress').count(), desk.targets.length);
  await page.getByTestId('due-item').first().waitFor();
  assert.match(await page.getByTestId('desk-due').innerText(), new RegExp(String(desk.due)));
  if (desk.overdue > 0) assert.ok(await page.getByTestId('overdue').count() > 0, 'overdue ones say how late');
  await screenshot(page, 'desk');
  const first = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent03}&open=true&due_by=${desk.date}&sort=next_follow_up_on&limit=1`, { token });
  const callbacks = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent03}&open=true&callback_before=${encodeURIComponent(new Date(Date.now() + 15 * 60000).toISOString())}&sort=callback_at&limit=1`, { token });
  const expected = callbacks.json.items[0] ?? first.json.items[0];

  await page.keyboard.press('n');
  await page.waitForURL(new RegExp(`/customers/${expected.id}\\?from=desk`));
  await page.getByTestId('dial').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'dial', null, { timeout: 5000 });
  // The tel: link is what dials; headless Chromium has no dialler, whose prompt would swallow the keys.
  await page.getByTestId('dial').evaluate((a) => a.removeAttribute('href'));
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('d');
  await page.getByTestId('call-timer').waitFor();
  await page.waitForTimeout(600);
  await page.keyboard.press('a');
  await page.waitForTimeout(1600);
  await page.keyboard.press('e');
  await page.getByTestId('call-ended').waitFor();
  await page.keyboard.press('5');
  await page.keyboard.press('Control+Enter');
  await page.getByText('已保存').first().waitFor();
  const [result, talk] = callsOf(expected.id).split('|');
  assert.equal(result, 'connected');
  assert.ok(Number(talk) >= 1 && Number(talk) <= 3, `talk ${talk}`);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('n');
  await page.waitForURL((url) => url.pathname !== `/customers/${expected.id}`);
  await context.close();
});

test('the supervisor\'s calls page: the day\'s totals and both daily sheets equal the server\'s', async () => {
  const token = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const sheet = (await api(srv.base, 'GET', '/api/v1/sheets/sales', { token })).json;
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/calls' });
  await page.getByTestId('agent-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid=total-dials] .ant-statistic-content-value')?.textContent?.replace(/,/g, '') === String(n), sheet.total.metrics.dials);
  assert.equal(await page.getByTestId('agent-table').locator('tbody tr.ant-table-row').count(), sheet.items.length);
  const top = sheet.items[0];
  const firstRow = await page.getByTestId('agent-table').locator('tbody tr.ant-table-row').first().innerText();
  assert.match(firstRow, new RegExp(top.agent_name));
  assert.match(firstRow, new RegExp(`\\b${top.metrics.dials}\\b`));
  // Sorting by connects puts the agent with most connects first (descending on the second click).
  const connectsHeader = page.getByTestId('agent-table').locator('th').filter({ hasText: /^接通$/ }).first();
  await connectsHeader.click();
  await connectsHeader.click();
  const most = [...sheet.items].sort((a, b) => b.metrics.connects - a.metrics.connects)[0];
  assert.match(await page.getByTestId('agent-table').locator('tbody tr.ant-table-row').first().innerText(), new RegExp(`\\b${most.metrics.connects}\\b`));
  // The customer sheet: its first page as the server pages it.
  const customers = (await api(srv.base, 'GET', '/api/v1/sheets/customers?limit=50', { token })).json;
  if (customers.items.length) {
    await page.getByTestId('customer-sheet-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.equal(await page.getByTestId('customer-sheet-table').locator('tbody tr.ant-table-row').count(), customers.items.length);
    assert.match(await page.getByTestId('customer-sheet-table').innerText(), new RegExp(customers.items[0].company.replace(/[()（）]/g, '.')));
  }
  // The calls list names agents and customers.
  await page.getByTestId('calls-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.doesNotMatch(await page.getByTestId('calls-table').innerText(), /#\d+/);
  await screenshot(page, 'calls-by-agent');
  const download = page.waitForEvent('download');
  await page.getByTestId('sales-sheet-export').hover();
  await page.getByText('导出 Excel').first().click();
  assert.match((await download).suggestedFilename(), /^电话销售日报表-\d{4}-\d\d-\d\d\.xlsx$/);
  await context.close();
});

test('the manager lands on the overview: today, the month, a trend chart, the teams', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: null });
  await page.waitForURL(/\/overview$/);
  await page.getByTestId('overview-teams').locator('tbody tr.ant-table-row').first().waitFor();
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  assert.equal(await page.getByTestId('overview-teams').locator('tbody tr.ant-table-row').count(), 3, 'the three groups');
  await screenshot(page, 'overview');
  await context.close();
});

test('the English UI shows the server\'s error in English, beside its field, without a field code', async () => {
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent07}&sort=id&limit=1`, { token: admin })).json.items[0];
  const { context, page } = await signIn(browser, srv.base, 'agent07', DEMO_PASSWORD, { path: `/customers/${c.id}`, language: 'en' });
  await page.getByTestId('log-call').waitFor();
  // The result by its key (2 · Busy), from outside any field: deterministic where a dropdown's animation is not.
  await page.getByTestId('log-call').locator('.ant-card-head-title').click();
  await page.keyboard.press('2');
  await page.getByTestId('log-result').getByText('Busy').waitFor();
  await page.getByTestId('log-content').evaluate((el) => { el.removeAttribute('maxlength'); });
  await page.getByTestId('log-content').fill('x'.repeat(4001));
  await page.getByTestId('log-submit').click();
  const error = page.getByTestId('log-call').locator('.ant-form-item-explain-error').first();
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /at most 4000 characters/);
  assert.doesNotMatch(text, /[\u4e00-\u9fff]|content:|follow_up/);
  // The customer's own data may be Chinese; the form's words may not.
  assert.doesNotMatch(await page.getByTestId('log-call').innerText(), /[\u4e00-\u9fff]/, 'no Chinese in the English form');
  await context.close();
});

test('a session that ends mid-page returns the user to sign-in, and back to the page after', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent08', DEMO_PASSWORD, { path: '/customers?from=here' });
  await page.getByTestId('customers-table').locator('tbody tr.ant-table-row').first().waitFor();
  sql(dir, `UPDATE sessions SET revoked_at = 1 WHERE user_id = ${ids.agent08}`);
  await page.getByTestId('only-mine').click();  // the next request finds the session gone
  await page.waitForURL(/\/login$/);
  await page.getByTestId('session-ended').waitFor();
  await page.getByTestId('username').fill('agent08');
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/customers\?from=here$/);
  await context.close();
});

test('times are the company\'s whatever the browser\'s zone: a 09:30 Shanghai call reads 09:30 on a UTC laptop', async () => {
  const token = await login(srv.base, 'agent09', DEMO_PASSWORD);
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent09}&sort=-id&limit=1`, { token })).json.items[0];
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const at = new Date(`${today}T09:30:00+08:00`);
  if (at.getTime() > Date.now()) at.setTime(at.getTime() - 86400000);  // before 09:30 in Shanghai: yesterday's
  const r = await api(srv.base, 'POST', '/api/v1/calls', {
    token, body: { customer_id: c.id, started_at: at.toISOString(), result: 'no_answer', notes: '时区检查' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const { context, page } = await signIn(browser, srv.base, 'agent09', DEMO_PASSWORD, { path: `/customers/${c.id}`, timezoneId: 'UTC' });
  await page.getByTestId('timeline-item').first().waitFor();
  const item = page.getByTestId('timeline-item').filter({ hasText: '时区检查' });
  assert.match(await item.getByTestId('timeline-at').innerText(), /09:30$/);
  await context.close();
});

test('on a 390-px phone the desk and the customer page fit: no sideways scroll, the menu and the save button reachable', async () => {
  const phone = { width: 390, height: 844 };
  const { context, page } = await signIn(browser, srv.base, 'agent10', DEMO_PASSWORD, { path: '/desk', viewport: phone });
  await page.getByTestId('due-item').first().waitFor();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 390, `desk is ${await width()} px wide`);
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').waitFor();
  await page.keyboard.press('Escape');
  await screenshot(page, 'desk-390');
  await page.getByTestId('due-item').first().click();
  await page.getByTestId('log-call').waitFor();
  assert.ok(await width() <= 390, `customer page is ${await width()} px wide`);
  await page.getByTestId('log-submit').scrollIntoViewIfNeeded();
  assert.ok(await page.getByTestId('log-submit').isVisible());
  await screenshot(page, 'customer-390');
  await context.close();
});

test('an Excel file imports as a CSV would: the template downloaded, filled, uploaded as .xlsx', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhouyan', DEMO_PASSWORD, { path: '/import' });
  // The template, as the page offers it: Excel, headers the importer reads, one example row.
  const download = page.waitForEvent('download');
  await page.getByTestId('template-xlsx').click();
  const saved = await download;
  assert.equal(saved.suggestedFilename(), '客户导入模板.xlsx');
  const { readFileSync } = await import('node:fs');
  const xlsx = readFileSync(await saved.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
  await page.locator('input[type=file]').setInputFiles({ name: '客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-check]')?.hasAttribute('disabled'));
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-encoding').waitFor();
  await page.getByTestId('import').getByText('杭州示例科技有限公司').first().waitFor();  // the preview, read from the workbook
  assert.match(await page.getByTestId('import-summary').innerText(), /1/);
  assert.match(await page.getByTestId('import').innerText(), /UTF-8/);
  assert.doesNotMatch(await page.getByTestId('import').innerText(), /未识别|unknown/i, 'every header of the template is read');
  await context.close();
  const token = await login(srv.base, 'zhouyan', DEMO_PASSWORD);
  const found = await api(srv.base, 'GET', `/api/v1/customers?q=${encodeURIComponent('杭州示例科技')}`, { token });
  assert.equal(found.json.items.length, 0, 'a check writes nothing');
});

test('a supervisor reassigns the customers selected to another agent, with a reason; the timeline names the move', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/customers?x=1` });
  await page.getByTestId('only-mine').waitFor();
  // Narrow the list to agent05's customers through the owner filter, then tick two.
  const token = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent05}&sort=company&limit=2`, { token })).json.items;
  await page.getByTestId('customer-search').locator('input').fill(theirs[0].company);
  await page.getByTestId('customer-search').locator('input').press('Enter');
  await page.getByTestId('customers-table').locator('tbody tr.ant-table-row').filter({ hasText: theirs[0].company }).first().waitFor();
  await page.getByTestId('customers-table').locator('tbody tr.ant-table-row').filter({ hasText: theirs[0].company }).first().locator('.ant-checkbox-input').check();
  await page.getByTestId('reassign').click();
  await page.getByTestId('reassign-form').waitFor();
  await page.getByTestId('reassign-to').click();
  const agent06 = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent06}`, { token })).json;
  await page.keyboard.type(agent06.display_name);
  await page.locator('.ant-select-item-option').filter({ hasText: agent06.display_name }).first().click();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.getByTestId('reassign-form').getByText('请填写原因').waitFor();  // no reason, no move
  await page.getByTestId('reassign-reason').fill('离职交接');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已改派 1 位客户').waitFor();
  const moved = (await api(srv.base, 'GET', `/api/v1/customers/${theirs[0].id}`, { token })).json;
  assert.equal(moved.owner_id, ids.agent06);
  const timeline = (await api(srv.base, 'GET', `/api/v1/customers/${theirs[0].id}/timeline`, { token })).json.items;
  assert.equal(timeline.find((e) => e.kind === 'ownership').ownership.to_owner_name, agent06.display_name);
  await context.close();
});

test('an agent releases a customer back to the pool with a reason; the timeline shows the move', async () => {
  const token = await login(srv.base, 'agent12', DEMO_PASSWORD);
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent12}&sort=id&limit=1`, { token })).json.items[0];
  const { context, page } = await signIn(browser, srv.base, 'agent12', DEMO_PASSWORD, { path: `/customers/${c.id}` });
  await page.getByTestId('customer-release').click();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.locator('.ant-modal').getByText('请填写退回原因').waitFor();
  await page.getByTestId('release-reason').fill('多次未接通');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已退回公海').first().waitFor();
  await page.getByTestId('claim-card').waitFor();  // a pool customer now: claim before calling
  const after = (await api(srv.base, 'GET', `/api/v1/customers/${c.id}/timeline`, { token: admin })).json.items;
  const move = after.find((e) => e.kind === 'ownership');
  assert.equal(move.ownership.to_owner_id, null);
  await context.close();
});

test('an admin keeps the work calendar: a holiday marked takes a working day off its month, unmarked gives it back', async () => {
  const { context, page } = await signIn(browser, srv.base, 'admin', ADMIN_PASSWORD, { path: '/admin/calendar' });
  const october = () => page.getByTestId('calendar-months').locator('tbody tr').filter({ hasText: '2026-10' }).innerText();
  const untilOctober = async (re) => {
    for (let i = 0; i < 100 && !re.test(await october()); i++) await page.waitForTimeout(100);
    assert.match(await october(), re);
  };
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=calendar-months] tbody tr')].some((r) => r.textContent.includes('2026-10')));
  // The demo runs by preset A: Monday to Saturday, 27 working days in October 2026.
  assert.match(await october(), /2026-10\s+27\s+2026-10-01/);
  await page.getByTestId('calendar-day').fill('2026-10-01');
  await page.keyboard.press('Escape');
  await page.getByTestId('calendar-name').fill('国庆节');
  await page.getByTestId('calendar-mark').click();
  await page.getByTestId('calendar-days').getByText('国庆节').waitFor();
  await untilOctober(/2026-10\s+26\s+2026-10-02/);
  await screenshot(page, 'calendar');
  await page.getByTestId('calendar-unmark').first().click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await page.getByTestId('calendar-days').getByText('这一年还没有标记').waitFor();
  await untilOctober(/2026-10\s+27\s+2026-10-01/);
  await context.close();
});
