// The points ledger in a real browser (issue 15, seed 004), each as the role that uses it: the supervisor enters a
// catalogue item from the team's day with a reason; the agent reads it in the ledger and objects; the manager
// withdraws it on the decisions page and a correction undoes it; a dismissal item goes to the manager as a case;
// the ledger on a 390-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, cli, preset, login, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

let dir, srv, browser;
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-004')]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function enterPoints(page, username, itemText, reason, { serious = false } = {}) {
  await page.getByTestId(`enter-points-${username}`).click();
  await page.getByTestId('points-item').click();
  await page.locator('.ant-select-item-option').filter({ hasText: itemText }).click();
  if (serious) await page.getByTestId('points-serious').check();
  await page.getByTestId('points-reason').fill(reason);
  await page.locator('.ant-modal').getByRole('button', { name: serious ? '提交经理' : /记\s*分/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
}

test('the supervisor enters 私人电话 for agent01 from the team\'s day; the reason is required; the table shows it', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: `/floor?date=${today()}` });
  await page.getByTestId('enter-points-agent01').waitFor();
  assert.equal(await page.getByTestId('enter-points-liqiang').count(), 0, 'nobody enters points for themselves');
  // Without a reason the form says so and sends nothing.
  await page.getByTestId('enter-points-agent01').click();
  await page.getByTestId('points-item').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '用公司电话给客户以外的人打电话' }).click();
  assert.match(await page.locator('.ant-modal').innerText(), /绩效分 -10，罚款 100\.00 元/);
  await page.locator('.ant-modal').getByRole('button', { name: /记\s*分/ }).click();
  await page.locator('.ant-modal').getByText('请写明原因').waitFor();
  await screenshot(page, 'points-entry-modal');
  await page.getByTestId('points-reason').fill('上午用座机打私人电话约 20 分钟');
  await page.locator('.ant-modal').getByRole('button', { name: /记\s*分/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.getByTestId('entries-agent01').getByText(/用公司电话给客户以外的人打电话 -10 ¥100\.00/).waitFor();

  // A dismissal item: the modal warns, and it becomes a case, not points.
  await page.getByTestId('enter-points-agent02').click();
  await page.getByTestId('points-item').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '泄露给公司以外人员' }).click();
  await page.getByTestId('points-case-note').waitFor();
  await page.getByTestId('points-reason').fill('把客户名单发到外部微信群');
  await page.locator('.ant-modal').getByRole('button', { name: '提交经理' }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.getByText('已提交经理处理').waitFor();
  const row02 = page.getByTestId('floor-table').locator('tr', { has: page.getByTestId('enter-points-agent02') });
  assert.doesNotMatch(await row02.innerText(), /泄露/, 'no ledger entry: a case');
  await screenshot(page, 'points-floor');
  await context.close();
});

test('the agent reads the entry with its reason and objects once; the button goes', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/ledger' });
  const row = page.getByTestId('ledger-table').locator('tr', { hasText: '用公司电话给客户以外的人打电话' });
  await row.waitFor();
  assert.match(await row.innerText(), /上午用座机打私人电话约 20 分钟/);
  assert.match(await page.getByTestId('ledger-points-end').innerText(), /\d+/);
  await row.getByRole('button', { name: /申\s*诉/ }).click();
  await page.getByTestId('objection-reason').fill('那天上午我在外拜访客户，有外出登记');
  await page.locator('.ant-modal').getByRole('button', { name: '提交申诉' }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await row.getByTestId('objection-state').getByText('申诉中').waitFor();
  assert.equal(await row.getByRole('button', { name: /申\s*诉/ }).count(), 0, 'once');
  await screenshot(page, 'points-ledger-objected');
  await context.close();
});

test('the manager withdraws the entry on the decisions page with a note; the agent\'s ledger shows the correction', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/overview' });
  await openFromMenu(page, '考核', '申诉与案件');
  const row = page.getByTestId('objections-table').locator('tr', { hasText: '外出登记' });
  await row.waitFor();
  assert.match(await row.innerText(), /罗辉 \(agent01\)/);
  assert.match(await row.innerText(), /李强 \(liqiang\)/, 'who entered it');
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'decisions-objections');
  await row.getByRole('button', { name: /撤\s*销/ }).click();
  await page.getByTestId('decision-note').waitFor();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').getByText('请写明说明').waitFor();
  await page.getByTestId('decision-note').fill('外出登记属实');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.getByTestId('objections-table').locator('tr', { hasText: '外出登记' }).waitFor({ state: 'detached' });

  // The case raised for agent02 is there to decide.
  await page.getByRole('tab', { name: '解雇案件' }).click();
  const c = page.getByTestId('cases-table').locator('tr', { hasText: '外部微信群' });
  await c.waitFor();
  await page.waitForLoadState('networkidle');
  await c.getByRole('button', { name: '解雇' }).click();
  await page.getByTestId('decision-note').fill('核实属实，依制度第 9 条解除劳动合同');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.getByTestId('cases-state').getByText('已处理').click();
  await page.getByTestId('cases-table').locator('tr', { hasText: '外部微信群' }).getByText('依制度第 9 条').waitFor();
  await screenshot(page, 'decisions-cases');
  await context.close();

  const token = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const ledger = (await api(srv.base, 'GET', '/api/v1/discipline/ledger', { token })).json;
  const correction = ledger.items.find((e) => e.item === 'correction');
  assert.ok(correction && correction.points === 10 && correction.fine_fen === -10000);

  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/ledger', viewport: { width: 390, height: 844 } });
  const fixed = agent.page.getByTestId('ledger-table').locator('tr', { hasText: `更正 #${correction.corrects}` });
  await fixed.waitFor();
  await agent.page.getByTestId('ledger-table').getByTestId('objection-state').getByText('已撤销').waitFor();
  await agent.page.waitForLoadState('networkidle');
  assert.ok(await noSidewaysScroll(agent.page));
  await screenshot(agent.page, 'points-ledger-phone');
  await agent.context.close();
});
