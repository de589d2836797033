// A/B lead sign-offs in a real browser (issue 16, seed 004's lead bonus): the owner asks a field rep on the
// customer's page, the rep signs it off from 签认 on a phone, and the owner's page then shows who signed and when.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, api, applyPreset, login, companyToday, DEMO_PASSWORD, ADMIN_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot } from './browser.mjs';

const today = companyToday();
let dir, srv, browser, customer, rep;
before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-004');
  srv = await startServer(dir);
  browser = await launch();
  const agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const c = await api(srv.base, 'POST', '/api/v1/customers', { token: agent, body: { company: '浏览器签认测试有限公司', contact_name: '冯经理', grade: 'A', phones: ['13766550001'] } });
  assert.equal(c.status, 201, JSON.stringify(c.json));
  customer = c.json;
  rep = (await api(srv.base, 'GET', '/api/v1/lead-signoffs/field-reps', { token: agent })).json.items[0];
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  rep.username = (await api(srv.base, 'GET', '/api/v1/users?limit=200', { token: admin })).json.items.find((u) => u.id === rep.id).username;
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  cleanup(dir);
});

test('the owner asks, the field rep signs off on a phone, the owner sees it signed', async () => {
  const owner = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD, { path: `/customers/${customer.id}` });
  const card = owner.page.getByTestId('signoff-card');
  await card.getByText('还没有申请商务代表签认').waitFor();
  await owner.page.getByTestId('signoff-rep').click();
  await owner.page.locator('.ant-select-item-option').filter({ hasText: rep.name }).click();
  await owner.page.getByTestId('signoff-ask').click();
  await card.getByText('待签认').waitFor();
  assert.match(await owner.page.getByTestId('signoff-state').innerText(), new RegExp(`A 类，等待 ${rep.name} 签认`));
  await screenshot(owner.page, 'signoff-asked');

  const phone = await signIn(browser, srv.base, rep.username, DEMO_PASSWORD, { path: '/signoffs', viewport: { width: 390, height: 844 } });
  const row = phone.page.getByTestId('signoffs-table').locator('tr', { hasText: customer.company });
  await row.waitFor();
  await screenshot(phone.page, 'signoffs-rep-phone');
  const agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
  const asked = (await api(srv.base, 'GET', `/api/v1/customers/${customer.id}/lead-signoff`, { token: agent })).json.signoff;
  await row.getByTestId(`signoff-sign-${asked.id}`).click();
  await phone.page.getByTestId('signoff-note').fill('已上门，资料齐全');
  await phone.page.locator('#signoff-answer-ok').click();
  await phone.page.getByText('已签认').first().waitFor();
  await phone.page.getByTestId('signoffs-table').getByText('没有签认请求').waitFor();
  await phone.page.getByTestId('signoffs-status').getByText('已签认').click();
  await phone.page.getByTestId('signoffs-table').locator('tr', { hasText: customer.company }).getByText(`${today} 拜访，${today} 签认`).waitFor();
  await screenshot(phone.page, 'signoffs-rep-signed-phone');
  await phone.context.close();

  await owner.page.reload();
  await owner.page.getByTestId('signoff-state').getByText('已签认').waitFor();
  assert.match(await owner.page.getByTestId('signoff-state').innerText(), new RegExp(`${rep.name} 于 ${today} 拜访、${today} 签认，计奖给`));
  await screenshot(owner.page, 'signoff-signed');
  await owner.context.close();
});
