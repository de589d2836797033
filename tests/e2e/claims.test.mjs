// 撞单 cases in a real browser (issue 15, preset A): the claimant escalates a case to the manager (each agent's 30%
// shown), the department's manager decides who keeps the customer and flags the other for poaching; in a second case
// the holder gives the customer up. At desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu } from './browser.mjs';

let dir, srv, browser, admin, ids = {}, names = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  browser = await launch();
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) { ids[u.username] = u.id; names[u.username] = u.display_name; }
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

async function openCase(claimant, holder, n, company) {
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[holder]}&limit=${n + 1}`, { token: admin })).json.items[n];
  const full = (await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin })).json;
  const token = await login(srv.base, claimant, DEMO_PASSWORD);
  const r = await api(srv.base, 'POST', '/api/v1/customers', { token, body: { company, phones: [full.phones[0].replace('+86', '')] } });
  assert.equal(r.status, 409, JSON.stringify(r.json));
  return { id: r.json.error.details.claim_id, customer: full };
}
const ok = (page) => page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();

test('the claimant escalates, the manager decides and flags poaching; the customer moves', async () => {
  const c = await openCase('agent01', 'agent11', 2, '浏览器撞单测试甲');
  const agent = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: '/claims' });
  await agent.page.getByTestId(`claim-open-${c.id}`).click();
  await agent.page.getByTestId('claim-stage').getByText('双方协商').waitFor();
  await agent.page.getByTestId('claim-escalate').click();
  await ok(agent.page);
  await agent.page.locator('.ant-modal').getByText('请写明理由').waitFor();
  await agent.page.getByTestId('claim-note').fill('对方说上月已联系过，协商不成');
  await ok(agent.page);
  await agent.page.getByTestId('claim-stage').getByText('经理处理').waitFor();
  await agent.page.getByTestId('claim-penalties').getByText(/经理处理 30%（累计 30%/).first().waitFor();
  assert.equal(await agent.page.getByTestId('claim-penalties').locator('li').count(), 2, 'both agents lose 30%');
  assert.equal(await agent.page.getByTestId('claim-decide').count(), 0, 'a party does not decide');
  await agent.page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  await screenshot(agent.page, 'claims-agent-escalated');
  await agent.context.close();

  const mgr = await signIn(browser, srv.base, 'zhaomin', DEMO_PASSWORD, { path: '/desk' });
  await openFromMenu(mgr.page, '考核', '撞单处理');
  await mgr.page.getByTestId(`claim-open-${c.id}`).click();
  await mgr.page.getByTestId('claim-decide').click();
  await mgr.page.getByTestId('claim-keeper').getByText('罗辉').click();
  await mgr.page.getByTestId('claim-malicious').getByText(names.agent11).click();
  await mgr.page.getByTestId('claim-note').fill('客户由罗辉先开发；对方抢单');
  await ok(mgr.page);
  await mgr.page.getByText('已提交 1 个开除案件').waitFor();
  await mgr.page.getByTestId('claim-stage').getByText('已决定').waitFor();
  await mgr.page.getByTestId('claim-steps').getByText(/决定归 罗辉/).waitFor();
  await mgr.page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  await screenshot(mgr.page, 'claims-manager-decided');
  await mgr.context.close();
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${c.customer.id}`, { token: admin })).json;
  assert.equal(customer.owner_id, ids.agent01);
});

test('on a phone, the holder gives the customer up and the case closes', async () => {
  const c = await openCase('agent02', 'agent11', 3, '浏览器撞单测试乙');
  const holder = await signIn(browser, srv.base, 'agent11', DEMO_PASSWORD, { path: '/claims', viewport: { width: 390, height: 844 } });
  await holder.page.getByTestId(`claim-open-${c.id}`).click();
  await holder.page.getByTestId('claim-yield').click();
  await holder.page.getByTestId('claim-note').fill('徐伟先谈的');
  await ok(holder.page);
  await holder.page.getByTestId('claim-stage').getByText('已协商').waitFor();
  await holder.page.getByTestId('claim-penalties').getByText('未上报，不扣款').waitFor();
  await holder.page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
  await screenshot(holder.page, 'claims-phone-yielded');
  await holder.page.locator('.ant-drawer-close').click();
  await holder.page.getByTestId('claims-status').getByText('已结案').click();
  await holder.page.getByTestId(`claim-open-${c.id}`).waitFor();
  await holder.context.close();
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${c.customer.id}`, { token: admin })).json;
  assert.equal(customer.owner_id, ids.agent02);
});
