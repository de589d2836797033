// The payroll screen in a real browser (issue 16, seed 001's pay plans on the demo company): the manager sets a
// team's target on the page (the others by API), runs last month, opens a statement with each line's arithmetic,
// clause and records (the records themselves one click away), and closes the month — after which a re-run is
// refused. An agent sees only their own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, applyPreset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

const month = monthBefore(companyToday());

let dir, srv, browser, ids = {}, teams = {};
before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-001');
  srv = await startServer(dir);
  browser = await launch();
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=200', { token: admin })).json.items) ids[u.username] = u.id;
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: admin })).json.items) teams[x.name] = x.id;
  const manager = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  for (const team of ['电销部', '电销二组', '电销三组']) {
    const r = await api(srv.base, 'PUT', '/api/v1/pay/targets', { token: manager, body: { team_id: teams[team], month, amount_fen: 30000000 } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the manager sets a target, runs last month, reads a statement line by line and closes the month', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/payroll' });
  await page.getByTestId('payroll-status').getByText('未计算').waitFor();
  // 电销一组 has no target yet: set it on the page.
  await page.getByTestId(`target-${teams['电销一组']}`).locator('input').fill('100000');
  await page.getByTestId(`target-save-${teams['电销一组']}`).click();
  await page.getByTestId('payroll-targets').getByText('¥100,000.00').waitFor();
  await page.getByTestId('payroll-run').click();
  await page.getByTestId('payroll-status').getByText('草稿').waitFor();
  await page.getByTestId(`statement-${ids.agent01}`).waitFor();
  await page.getByTestId('payroll-totals').waitFor();
  // The month names the policy version it ran under and the days it covered.
  assert.match(await page.getByTestId('payroll-versions').innerText(), /^制度版本：第 \d+ 版（\d\d-01 至 \d\d-(28|29|30|31)）$/);
  await screenshot(page, 'payroll-draft');

  const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  const rows = (await api(srv.base, 'GET', `/api/v1/payroll/${month}/statements?limit=1000`, { token })).json.items;
  const withCommission = [];
  for (const r of rows.filter((x) => x.role === 'agent')) {
    const s = (await api(srv.base, 'GET', `/api/v1/payroll/statements/${r.id}`, { token })).json;
    if (s.lines.some((l) => l.code === 'commission')) withCommission.push(s);
  }
  assert.ok(withCommission.length > 0, 'some clerk earned commission last month');
  const s = withCommission[0];
  const line = s.lines.find((l) => l.code === 'commission');
  await page.getByTestId(`statement-${s.user_id}`).click();
  const drawer = page.getByTestId('statement-drawer');
  await drawer.getByText(line.explanation).waitFor();
  await drawer.getByText(line.rule).first().waitFor();
  await drawer.getByTestId(`source-deals-${line.sources.deals[0]}`).first().waitFor();
  assert.equal(await drawer.getByTestId('statement-net').innerText(), `¥${(s.net_fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  await screenshot(page, 'payroll-statement');
  // The line's records, one click away: each deal it stood on, with its customer and amount.
  const position = s.lines.indexOf(line) + 1;
  await drawer.getByTestId(`line-records-open-${position}`).click();
  const records = page.getByTestId('line-records');
  const deals = records.getByTestId('line-records-deals');
  await deals.getByText(`#${line.sources.deals[0]}`, { exact: true }).waitFor();
  assert.equal(await deals.locator('tbody tr.ant-table-row').count(), Math.min(50, line.sources.deals.length));
  assert.match(await records.getByTestId('line-records-count').innerText(), new RegExp(`/ 共 ${line.sources.deals.length} 条`));
  await screenshot(page, 'payroll-line-records');
  await page.locator('.ant-modal-close').click();
  await records.waitFor({ state: 'hidden' });
  assert.ok(await drawer.isVisible(), 'the statement stays open under its records');
  await page.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });

  await page.getByTestId('payroll-close').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('payroll-status').getByText('已结算').waitFor();
  assert.equal(await page.getByTestId('payroll-run').count(), 0, 'no run once closed');
  const rerun = await api(srv.base, 'POST', `/api/v1/payroll/${month}/run`, { token });
  assert.equal(rerun.status, 409);
  await context.close();
});

test('an agent questions a line of his statement; the manager accepts it with an adjustment on the page', async () => {
  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/payroll' });
  await agent.page.getByTestId(`statement-${ids.agent01}`).click();
  const drawer = agent.page.getByTestId('statement-drawer');
  await drawer.getByTestId('inquiry-raise-1').click();
  await agent.page.getByTestId('inquiry-expected').fill('800');
  await agent.page.getByTestId('inquiry-reason').fill('入职满一年，底薪应为 800 元');
  await agent.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await drawer.getByTestId('statement-inquiries').getByText('待答复').waitFor();
  await agent.context.close();

  const manager = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/payroll' });
  const card = manager.page.getByTestId('payroll-inquiries');
  await card.getByText('入职满一年，底薪应为 800 元').waitFor();
  await card.getByRole('button', { name: /答\s*复/ }).first().click();
  await manager.page.getByTestId('inquiry-adjustment').fill('50');
  await manager.page.getByTestId('inquiry-answer').fill('已核实，下月补发 50 元');
  await screenshot(manager.page, 'payroll-inquiry-answer');
  await manager.page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await card.getByText('没有疑问').waitFor();
  await manager.context.close();

  const again = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/payroll' });
  await again.page.getByTestId(`statement-${ids.agent01}`).click();
  const inquiries = again.page.getByTestId('statement-drawer').getByTestId('statement-inquiries');
  await inquiries.getByText('已接受').waitFor();
  await inquiries.getByText(/已核实，下月补发 50 元/).waitFor();
  await again.page.waitForTimeout(400);
  await screenshot(again.page, 'payroll-inquiry-accepted');
  await again.context.close();
});

test('an agent sees only their own statement, on a phone', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/payroll', viewport: { width: 390, height: 844 } });
  // This month so far, computed for him alone.
  await page.getByTestId('month-to-date-toggle').click();
  await page.getByTestId('month-to-date-lines').getByText('底薪', { exact: true }).waitFor();
  await screenshot(page, 'payroll-month-to-date-phone');
  await page.getByTestId(`statement-${ids.agent01}`).click();
  await page.getByTestId('statement-drawer').getByTestId('statement-lines').waitFor();
  assert.equal(await page.getByTestId('payroll-table').locator('tbody tr.ant-table-row').count(), 1);
  assert.equal(await page.getByTestId('payroll-run').count(), 0);
  await page.waitForTimeout(500);  // the drawer's slide
  await screenshot(page, 'payroll-agent-phone');
  await context.close();
});
