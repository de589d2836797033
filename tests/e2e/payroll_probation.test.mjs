// Probation and the wage floor on the payroll screen (issue 16, seed 001): the admin sets a city's minimum wage and a
// team's city on the page; the manager runs last month, finds a clerk the probation rule eliminates (her pay raised
// to the city's minimum wage), grants an exception with a reason, recomputes and sees her regular next month.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshData, startServer, cleanup, api, preset, applyPreset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

const M2 = monthBefore(companyToday());
const M1 = monthBefore(`${M2}-01`);
let dir, srv, browser, ids = {}, teams = {};

before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-001');
  srv = await startServer(dir);
  browser = await launch();
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: admin })).json.items) teams[x.name] = x.id;
  const team = await api(srv.base, 'POST', '/api/v1/teams', { token: admin, body: { name: '新人组', parent_id: teams['电销部'] } });
  teams['新人组'] = team.json.id;
  const u = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'newcomer', display_name: '新人小林', role: 'agent', team_id: team.json.id, password: 'newcomer-2026', employment_status: 'probation', hired_on: `${M1}-01` },
  });
  assert.equal(u.status, 201, JSON.stringify(u.json));
  ids.newcomer = u.json.id;
  // 3,000 in each of her two months: 6,000 < 15,000.
  const token = await login(srv.base, 'newcomer', 'newcomer-2026');
  for (const [n, day] of [[1, `${M1}-10`], [2, `${M2}-10`]]) {
    const c = await api(srv.base, 'POST', '/api/v1/customers', { token, body: { company: `新人客户${n}有限公司`, phones: [`1395533000${n}`] } });
    const d = await api(srv.base, 'POST', '/api/v1/deals', { token, body: { customer_id: c.json.id, product: '网站建设', amount_fen: 300000, closed_on: day } });
    assert.equal(d.status, 201, JSON.stringify(d.json));
  }
  const manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  for (const t of ['电销部', '电销一组', '电销二组', '电销三组']) {
    const r = await api(srv.base, 'PUT', '/api/v1/pay/targets', { token: manager, body: { team_id: teams[t], month: M2, amount_fen: 30000000 } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the admin sets a city\'s minimum wage and a team\'s city on the page', async () => {
  const { context, page } = await signIn(browser, srv.base, 'admin', ADMIN_PASSWORD, { path: '/payroll' });
  const wages = page.getByTestId('minimum-wages');
  await wages.getByText('最低工资与团队所在城市').click();
  await wages.getByText('还没有设定最低工资').waitFor();
  await page.getByTestId('wage-city').fill('上海');
  await page.getByTestId('wage-amount').fill('2690');
  await page.getByTestId('wage-from').click();
  await page.locator('.ant-picker-dropdown').getByTitle(M2).click();
  await page.getByTestId('wage-save').click();
  await wages.getByText('¥2,690.00').first().waitFor();
  await page.getByTestId(`team-city-${teams['电销部']}`).fill('上海');
  await page.getByTestId(`team-city-save-${teams['电销部']}`).click();
  // 新人组 has no city of its own: it takes its parent's.
  await wages.locator('tr', { hasText: '新人组' }).getByText('沿用上级').waitFor();
  await screenshot(page, 'payroll-minimum-wages');
  await context.close();
});

test('the manager keeps a clerk the probation rule eliminates, with a reason, and recomputes', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/payroll' });
  await page.getByTestId('payroll-run').click();
  await page.getByTestId('payroll-status').getByText('草稿').waitFor();
  await page.getByTestId(`statement-${ids.newcomer}`).click();
  const drawer = page.getByTestId('statement-drawer');
  await drawer.getByTestId('statement-next').getByText('淘汰').waitFor();
  await drawer.getByText('补足最低工资').waitFor();
  assert.equal(await drawer.getByTestId('statement-net').innerText(), '¥2,690.00');
  // Elimination is the company's act: the statement says where it is done.
  assert.match(await drawer.getByTestId('statement-eliminated-hint').innerText(), /「用户」页.*离职/);
  await screenshot(page, 'payroll-probation-eliminated');
  await drawer.getByTestId('statement-grant-exception').click();
  await page.getByTestId('exception-reason').fill('客户反馈好，再给一个月');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await drawer.getByTestId('statement-exception').getByText('客户反馈好，再给一个月').waitFor();
  await page.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/payroll/${M2}/run`) && r.status() === 200),
    page.getByTestId('payroll-run').click(),
  ]);
  await page.getByTestId(`statement-${ids.newcomer}`).click();
  await page.getByTestId('statement-drawer').getByTestId('statement-next').getByText('正式').waitFor();
  await page.waitForTimeout(400);  // the drawer's slide
  await screenshot(page, 'payroll-probation-exception');
  await context.close();
});

test('the manager simulates the month under a draft policy and reads who changes, line by line', async () => {
  const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const text = readFileSync(preset('seed-001'), 'utf8').replace('base = { probation = 750, regular = 750 }', 'base = { probation = 750, regular = 900 }');
  const draft = await api(srv.base, 'POST', '/api/v1/policies', { token, body: { text, note: '主管底薪 900' } });
  assert.equal(draft.status, 201, JSON.stringify(draft.json));
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const users = (await api(srv.base, 'GET', '/api/v1/users?limit=200', { token: admin })).json.items;
  const liqiang = users.find((u) => u.username === 'liqiang').id;
  const netOf = async () => (await api(srv.base, 'GET', `/api/v1/payroll/${M2}/statements?limit=1000`, { token })).json.items.find((r) => r.user_id === liqiang).net_fen;
  const before = await netOf();
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/payroll' });
  await page.getByTestId('whatif').getByText('模拟：按其他制度版本计算本月').click();
  await page.getByTestId('whatif-policy').click();
  await page.locator('.ant-select-dropdown').getByText(`v${draft.json.version} ·`, { exact: false }).click();
  await page.getByTestId('whatif-run').click();
  await page.getByTestId('whatif-summary').getByText('与本月已计算的工资单').waitFor();
  const diff = await page.getByTestId(`whatif-diff-${liqiang}`).innerText();
  assert.match(diff, /^\+/, 'the supervisor gains');
  await page.getByTestId('whatif-table').locator('tr', { hasText: '李强' }).locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('whatif-table').getByText('pay.plan.supervisor.base').waitFor();
  await screenshot(page, 'payroll-whatif');
  assert.equal(await netOf(), before, 'the month is untouched');
  await context.close();
});

test('the clerk reads her own statement and the decision on a phone', async () => {
  const { context, page } = await signIn(browser, srv.base, 'newcomer', 'newcomer-2026', { path: '/payroll', viewport: { width: 390, height: 844 } });
  await page.getByTestId(`statement-${ids.newcomer}`).click();
  const drawer = page.getByTestId('statement-drawer');
  await drawer.getByTestId('statement-exception').waitFor();
  assert.equal(await drawer.getByTestId('statement-grant-exception').count(), 0, 'no exception button for her');
  assert.equal(await page.getByTestId('minimum-wages').count(), 0);
  await page.waitForTimeout(400);
  await screenshot(page, 'payroll-probation-phone');
  await context.close();
});
