// Leave in a real browser (issue 15, seed 004): an agent asks for sick leave from the menu and sees it would count
// as absence until the certificate is uploaded; leave asked for today says at once that it is too late; the
// supervisor approves from 待我审批 with the certificate at hand; the page on a 390-px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, cli, preset, DEMO_PASSWORD } from '../api/helpers.mjs';
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

const day = (n) => new Date(Date.now() + 8 * 3600000 + n * 86400000).toISOString().slice(0, 10);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function ask(page, kind, from, to, reason) {
  await page.getByTestId('request-new').click();
  await page.getByTestId('request-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: kind }).click();
  const inputs = page.locator('.ant-modal .ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await page.getByTestId('request-reason').fill(reason);
  await page.locator('.ant-modal').getByRole('button', { name: /提\s*交/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
}

test('an agent asks for sick leave: absence until the certificate is there; leave for today is too late at once', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent03', DEMO_PASSWORD, { path: '/desk' });
  await openFromMenu(page, '考核', '请假与申请');
  await page.getByTestId('request-new').waitFor();
  await ask(page, '病假', day(1), day(2), '发烧 38.5 度，医生建议休息两天');
  const row = page.getByTestId('my-requests').locator('tr', { hasText: '发烧 38.5 度' });
  await row.getByText('缺病假证明：按旷工').waitFor();
  await screenshot(page, 'requests-sick-no-certificate');
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: '上传证明' }).click();
  await (await chooser).setFiles({ name: '诊断证明.png', mimeType: 'image/png', buffer: PNG });
  await row.getByText('有效').waitFor();
  await row.getByRole('link', { name: '查看证明' }).waitFor();

  await ask(page, '事假', day(0), day(0), '家里临时有事');
  await page.getByTestId('my-requests').locator('tr', { hasText: '家里临时有事' }).getByText('未提前申请：按旷工').waitFor();
  await screenshot(page, 'requests-mine');
  await context.close();
});

test('the supervisor approves the sick leave with its certificate at hand; the agent sees it approved', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/requests' });
  await page.getByRole('tab', { name: '待我审批' }).click();
  const row = page.getByTestId('approve-requests').locator('tr', { hasText: '发烧 38.5 度' });
  await row.waitFor();
  assert.match(await row.innerText(), /杨宇/, 'whose request');
  const certificate = await page.request.get(await row.getByRole('link', { name: '查看证明' }).getAttribute('href'));
  assert.equal(certificate.status(), 200);
  assert.ok(Buffer.from(await certificate.body()).equals(PNG));
  // Rejecting needs a reason; the too-late personal leave is rejected with one.
  const late = page.getByTestId('approve-requests').locator('tr', { hasText: '家里临时有事' });
  await late.getByRole('button', { name: /驳\s*回/ }).click();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').getByText('驳回须写明原因').waitFor();
  await page.getByTestId('request-note').fill('当天请假不符合制度');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await row.getByRole('button', { name: /批\s*准/ }).click();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await page.getByTestId('approve-requests').locator('tr', { hasText: '发烧 38.5 度' }).waitFor({ state: 'detached' });
  await page.getByTestId('approve-state').getByText('已批准').click();
  await page.getByTestId('approve-requests').locator('tr', { hasText: '发烧 38.5 度' }).getByText('有效').waitFor();
  await screenshot(page, 'requests-approved');
  await context.close();

  const agent = await signIn(browser, srv.base, 'agent03', DEMO_PASSWORD, { path: '/requests', viewport: { width: 390, height: 844 } });
  const mine = agent.page.getByTestId('my-requests');
  await mine.locator('tr', { hasText: '发烧 38.5 度' }).getByText('已批准').waitFor();
  await mine.locator('tr', { hasText: '家里临时有事' }).getByText('当天请假不符合制度').waitFor();
  await agent.page.waitForLoadState('networkidle');
  assert.ok(await agent.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await screenshot(agent.page, 'requests-phone');
  await agent.context.close();
});

test('an agent asks for a customer visit: one day and its minutes, shown with the request', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent04', DEMO_PASSWORD, { path: '/requests' });
  await page.getByTestId('request-new').click();
  await page.getByTestId('request-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '外出拜访' }).click();
  await page.locator('.ant-modal').getByText('主管批准后，当日指标按制度减少').waitFor();
  const dayInput = page.locator('.ant-modal .ant-picker input');
  await dayInput.click();
  await dayInput.fill(day(1));
  await dayInput.press('Enter');
  await page.getByTestId('request-minutes').fill('150');
  await page.getByTestId('request-reason').fill('下午拜访贵阳观山湖数据，演示新系统');
  await page.locator('.ant-modal').getByRole('button', { name: /提\s*交/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  const row = page.getByTestId('my-requests').locator('tr', { hasText: '演示新系统' });
  await row.getByText('外出拜访').waitFor();
  await row.getByText(`${day(1)} · 150 分钟`).waitFor();
  await context.close();
});
