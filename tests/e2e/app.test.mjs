import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, cleanup, gbk, api, login, ADMIN_PASSWORD, DEMO_PASSWORD } from '../api/helpers.mjs';
import { launch, signIn, screenshot, openFromMenu, newContext } from './browser.mjs';

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

test('login: a wrong password is refused with the server\'s message; the right one opens the customers', async () => {
  const context = await newContext(browser, { baseURL: srv.base });
  const page = await context.newPage();
  await page.goto('/customers');
  await page.waitForURL('**/login');
  await page.getByTestId('username').fill('agent01');
  await page.getByTestId('password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await assert.doesNotReject(page.getByTestId('login-error').waitFor());
  assert.match(await page.getByTestId('login-error').innerText(), /用户名或密码|password/);
  await screenshot(page, 'login-error');
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/customers');
  await page.locator('[data-testid=customers-table] tbody tr.ant-table-row').first().waitFor();
  await screenshot(page, 'customers');
  await context.close();
});

test('login: after five wrong passwords the account is locked and the page says for how long', async () => {
  const context = await newContext(browser, { baseURL: srv.base });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('username').fill('agent29');
  for (let i = 0; i < 6; i++) {
    await page.getByTestId('password').fill(`wrong-${i}-password`);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByTestId('login-submit').click();
    await answered;
  }
  await page.getByTestId('login-error').getByText(/尝试次数过多，请 \d+ 秒后再试/).waitFor();
  await screenshot(page, 'login-locked');
  await context.close();
});

test('an agent changes the password, is signed out, and signs in with the new one', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent28', DEMO_PASSWORD, { path: '/desk' });
  await page.getByTestId('user-menu').hover();
  await page.getByText('修改密码').click();
  const modal = page.locator('.ant-modal');
  await modal.locator('input').nth(0).fill(DEMO_PASSWORD);
  await modal.locator('input').nth(1).fill('new-pass-2026');
  await modal.locator('input').nth(2).fill('new-pass-2026');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await page.waitForURL('**/login');
  await context.close();
  const again = await signIn(browser, srv.base, 'agent28', 'new-pass-2026', { path: '/desk' });
  await again.page.getByTestId('desk-counts').waitFor();
  await again.context.close();
});

test('customers: 50 rows a page from the server, next and previous pages, search, masked pool phones', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent01', DEMO_PASSWORD);
  const rows = page.locator('[data-testid=customers-table] tbody tr.ant-table-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 50);
  const firstCompany = await rows.first().locator('td').first().innerText();
  await page.getByTestId('page-next').click();
  await page.waitForFunction((first) => {
    const cell = document.querySelector('[data-testid=customers-table] tbody tr.ant-table-row td');
    return cell && cell.textContent !== first;
  }, firstCompany);
  assert.equal(await page.getByTestId('page-number').innerText(), '2');
  await page.getByTestId('page-previous').click();
  await page.waitForFunction((first) => document.querySelector('[data-testid=customers-table] tbody tr.ant-table-row td')?.textContent === first, firstCompany);
  // Free-text search goes to the server.
  const search = page.getByTestId('customer-search').locator('input');
  await search.fill(firstCompany);
  await search.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row').length === 1);
  // Pool customers seen by an agent come masked from the server, and are shown as they came.
  await search.fill('');
  await search.press('Enter');
  await page.getByTestId('only-pool').click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('****'));
  });
  // The region filter is the server's too.
  await page.getByTestId('only-pool').click();
  const region = page.getByPlaceholder('地区');
  await region.fill('北京市');
  await region.press('Enter');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('北京市'));
  });
  await context.close();
});

test('an agent finds a customer, logs a call with a follow-up, and sees both on the timeline', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent05', DEMO_PASSWORD);
  const rows = page.locator('[data-testid=customers-table] tbody tr.ant-table-row');
  await rows.first().waitFor();
  await page.getByTestId('only-mine').click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row')].every((r) => !r.textContent.includes('公海')));
  const company = await rows.nth(3).locator('td').first().innerText();
  const search = page.getByTestId('customer-search').locator('input');
  await search.fill(company);
  await search.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row').length === 1);
  await rows.first().click();
  await page.waitForURL(/\/customers\/\d+$/);
  await page.getByTestId('customer-card').waitFor();
  assert.match(await page.getByTestId('customer-card').innerText(), new RegExp(company));
  const before = await page.getByTestId('timeline-item').count();

  // Log an interested call of 95 s with a follow-up and its next date.
  await page.getByTestId('log-result').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '有意向' }).click();
  await page.getByTestId('log-result').locator('.ant-select-selection-item').filter({ hasText: '有意向' }).waitFor();
  await page.getByTestId('log-talk').fill('95');
  await page.getByTestId('log-talk-reason').fill('在手机上打的，补录');
  await page.getByTestId('log-content').fill('客户要求发送报价单，下周二回访');
  await page.getByTestId('log-next-date').fill('2099-01-05');
  await page.keyboard.press('Escape');
  await page.getByTestId('log-submit').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-item]').length >= n + 1, before);
  // The call, its follow-up and the status it moved are one entry, at the top.
  const entry = await page.getByTestId('timeline-item').first().innerText();
  assert.match(entry, /有意向 · 通话 1:35/);
  assert.match(entry, /客户要求发送报价单/);
  assert.match(entry, /下次跟进 2099-01-05/);
  assert.match(entry, /状态：.* → 意向/);
  assert.match(entry, /有效通话/);
  await page.waitForFunction(() => document.querySelector('[data-testid=customer-status]')?.textContent === '意向');
  assert.match(await page.getByTestId('customer-card').innerText(), /2099-01-05/);
  await screenshot(page, 'customer');
  await context.close();
});

test('an assistant imports a GBK file with a bad line: the line is named, the rest goes in, the rejects download', async () => {
  const { context, page } = await signIn(browser, srv.base, 'zhouyan', DEMO_PASSWORD);
  await page.getByTestId('nav').getByText('导入').click();
  await page.waitForURL('**/import');
  const sheet = ['单位名称,联系人,手机,行业,地区',
    '杭州云栖浏览器测试有限公司,沈浩,13905710001,信息技术,杭州市',
    '宁波港城浏览器测试有限公司,许静,1390574,物流,宁波市',
    '温州瓯江浏览器测试有限公司,林峰,13905770003,制造业,温州市'].join('\r\n') + '\r\n';
  await page.locator('input[type=file]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: gbk(sheet) });
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-errors').waitFor();
  assert.equal(await page.getByTestId('import-encoding').innerText(), 'GB18030');
  const errors = await page.getByTestId('import-errors').innerText();
  assert.match(errors, /\b3\b/, 'the bad physical line is named');
  assert.match(errors, /手机/);
  assert.match(await page.locator('[data-testid=import]').innerText(), /宁波港城浏览器测试有限公司/, 'the preview shows the rows, decoded');
  await screenshot(page, 'import-check');
  await page.getByTestId('import-partial').click();
  await page.getByTestId('import-result').waitFor();
  assert.match(await page.getByTestId('import-result').innerText(), /导入 2 行.*未导入 1 行/);
  const download = page.waitForEvent('download');
  await page.getByTestId('import-rejects').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const rejects = readFileSync(file, 'utf8');
  assert.match(rejects, /宁波港城浏览器测试有限公司/);
  assert.match(rejects, /错误行号/);
  await screenshot(page, 'import-done');
  await context.close();
});

test('an agent\'s desk counts today\'s calls; a new customer is checked by the server, and 撞单 is flagged', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent06', DEMO_PASSWORD, { path: '/desk' });
  await page.getByTestId('desk-counts').locator('.ant-statistic-content-value').first().waitFor();
  assert.match(await page.getByTestId('desk-counts').innerText(), /拨打[\s\S]*接通[\s\S]*有效通话/);
  await page.getByTestId('desk-due').waitFor();

  await page.goto('/customers');
  await page.getByTestId('customer-add').click();
  await page.getByTestId('cf-company').fill('浏览器测试新客户有限公司');
  await page.getByTestId('cf-contact').fill('赵测');
  await page.getByTestId('cf-phones').fill('12345');
  const ok = () => page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await ok();
  await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
  assert.match(await page.locator('.ant-modal').innerText(), /12345/, 'the server\'s reason beside the phone field');

  // A number another agent's customer holds: the server opens a duplicate claim and the form says so.
  const adminToken = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const users = (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: adminToken })).json.items;
  const agent11 = users.find((u) => u.username === 'agent11');
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${agent11.id}&limit=1`, { token: adminToken })).json.items[0];
  await page.getByTestId('cf-phones').fill(theirs.phones[0]);
  await ok();
  await page.getByTestId('duplicate-warning').waitFor();
  const warning = await page.getByTestId('duplicate-warning').innerText();
  assert.match(warning, /撞单/);
  // Who holds it, masked: the first character of agent11's name and stars.
  assert.ok(warning.includes(agent11.display_name[0] + '*'), warning);
  assert.ok(!warning.includes(agent11.display_name), 'not the whole name');
  await screenshot(page, 'duplicate-claim');

  // A number typed with spaces is one number.
  await page.getByTestId('cf-phones').fill('139 0571 9999');
  await ok();
  await page.waitForURL(/\/customers\/\d+$/);
  await page.getByTestId('customer-card').getByText('浏览器测试新客户有限公司').waitFor();
  assert.match(await page.getByTestId('customer-card').innerText(), /\+8613905719999/);
  assert.doesNotMatch(await page.getByTestId('customer-card').innerText(), / \/ /, 'one phone, not three');
  await context.close();
});

test('an admin creates a team and an agent, who can then sign in', async () => {
  const admin = await signIn(browser, srv.base, 'admin', ADMIN_PASSWORD);
  const page = admin.page;
  await openFromMenu(page, '系统管理', '团队');
  await page.getByTestId('team-name').fill('电销四组');
  await page.getByTestId('team-parent').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '电销部' }).click();
  await page.getByTestId('team-submit').click();
  await page.getByTestId('teams').getByText('电销四组').waitFor();
  // Rename it through the tree.
  await page.getByTestId('teams').getByText('电销四组').click();
  const nameField = page.locator('.ant-card').filter({ hasText: '修改所选团队' }).locator('input').first();
  await nameField.fill('电销四组（新）');
  await page.locator('.ant-card').filter({ hasText: '修改所选团队' }).getByRole('button', { name: /确\s*定/ }).click();
  await page.getByTestId('teams').getByText('电销四组（新）').waitFor();
  await screenshot(page, 'teams');

  await openFromMenu(page, '系统管理', '用户');
  await page.getByTestId('user-add').click();
  await page.getByTestId('user-username').fill('agent31');
  await page.getByTestId('user-name').fill('钱多多');
  await page.getByTestId('user-team').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '电销四组（新）' }).click();
  await page.getByTestId('user-password').fill('short');
  await page.getByTestId('user-extension').fill('8031');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  // The server refuses the short password; its message appears beside the field.
  await page.locator('.ant-modal').getByText(/至少 8 个字符/).waitFor();
  await page.getByTestId('user-password').fill('qian-2026-pass');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await screenshot(page, 'users');
  // The new clerk leaves: marked left, the form asks how (never guessed); the last day defaults to today.
  const row = page.locator('[data-testid=users-table] tbody tr.ant-table-row').filter({ hasText: 'agent31' });
  await row.getByRole('button', { name: /修\s*改/ }).click();
  await page.getByTestId('user-employment-status').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '离职' }).click();
  await page.getByTestId('user-left-on').waitFor();
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
  await page.getByTestId('user-left-reason').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '辞退' }).click();
  await screenshot(page, 'user-leaving');
  await page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ }).click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  await row.getByTestId('user-employment').filter({ hasText: /离职.*离职 · 辞退/ }).waitFor();
  // The audit log shows the new user, and exports what it shows.
  await openFromMenu(page, '系统管理', '审计日志');
  await page.getByTestId('audit-action').click();
  await page.keyboard.type('新建用户');
  await page.locator('.ant-select-item-option').filter({ hasText: '新建用户' }).click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=audit-table] tbody tr.ant-table-row')];
    // Every row is the chosen action, by its label; the one just made names its actor by name and username.
    return rows.length >= 1 && rows.every((r) => r.textContent.includes('新建用户')) && rows.some((r) => r.textContent.includes('(admin)'));
  });
  await screenshot(page, 'audit');
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').hover();
  await page.getByText('导出 CSV').click();
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(await (await download).path(), 'utf8');
  assert.match(exported, /新建用户/);
  assert.match(exported, /\(admin\)/, 'the actor by name and username');
  assert.match(exported, /agent31/);
  await admin.context.close();

  const agent = await signIn(browser, srv.base, 'agent31', 'qian-2026-pass');
  assert.match(await agent.page.getByTestId('user-menu').innerText(), /钱多多/);
  await agent.page.locator('[data-testid=customers-table]').waitFor();
  await agent.context.close();
});

test('a supervisor reads the team\'s calls of a day and exports them', async () => {
  const { context, page } = await signIn(browser, srv.base, 'liqiang', DEMO_PASSWORD, { path: '/calls' });
  // The latest working day before today: the demo floor dialled then.
  let day = new Date(Date.now() + 8 * 3600 * 1000 - 86400 * 1000);
  if (day.getUTCDay() === 0) day = new Date(day.getTime() - 86400 * 1000);
  const ymd = day.toISOString().slice(0, 10);
  await page.getByTestId('calls-day').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(ymd);
  await page.keyboard.press('Enter');
  const rows = page.locator('[data-testid=calls-table] tbody tr.ant-table-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=calls-table] tbody tr.ant-table-row').length === 50);
  assert.equal(await rows.count(), 50);
  await screenshot(page, 'calls');
  const download = page.waitForEvent('download');
  await page.getByTestId('calls-export').hover();
  await page.getByText('导出 Excel').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK', 'an xlsx');
  await context.close();
});

test('an agent opening an admin URL sees permission denied; the admin sees the users', async () => {
  const agent = await signIn(browser, srv.base, 'agent02', DEMO_PASSWORD);
  const nav = await agent.page.getByTestId('nav').innerText();
  for (const item of ['团队', '用户', '审计日志', '导入']) assert.ok(!nav.includes(item), `an agent's menu has no ${item}`);
  await agent.page.goto('/admin/users');
  await agent.page.getByTestId('forbidden').waitFor();
  await screenshot(agent.page, 'forbidden');
  await agent.context.close();

  const admin = await signIn(browser, srv.base, 'admin', ADMIN_PASSWORD);
  await admin.page.goto('/admin/users');
  await admin.page.locator('[data-testid=users-table] tbody tr.ant-table-row').first().waitFor();
  assert.ok((await admin.page.locator('[data-testid=users-table] tbody tr.ant-table-row').count()) >= 38);
  await screenshot(admin.page, 'users');
  await admin.context.close();
});

test('the language switch changes every visible label', async () => {
  const { context, page } = await signIn(browser, srv.base, 'agent03', DEMO_PASSWORD);
  await page.locator('[data-testid=customers-table] tbody tr.ant-table-row').first().waitFor();
  const header = () => page.locator('[data-testid=customers-table] thead').innerText();
  assert.match(await header(), /公司/);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=customers-table] thead')?.textContent.includes('Company'));
  // Every label — header, menu, filters, table header, pager — but not the customers' own data, which stays Chinese.
  const labels = await page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('tbody').forEach((b) => b.remove());
    return copy.innerText;
  });
  for (const zh of ['客户', '公司', '联系人', '电话', '等级', '状态', '负责人', '只看公海', '上一页', '下一页', '搜索']) {
    assert.ok(!labels.includes(zh), `"${zh}" still shown after switching to English`);
  }
  await screenshot(page, 'customers-en');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=customers-table] thead')?.textContent.includes('公司'));
  await context.close();
});

test('budgets: login plus the agent\'s first screen under 500 KB of compressed JavaScript; 50 customers render well within a ceiling', async () => {
  const context = await newContext(browser, { baseURL: srv.base });
  const page = await context.newPage();
  let jsBytes = 0;
  page.on('response', (res) => {
    if (res.url().endsWith('.js')) jsBytes += Number(res.headers()['content-length'] || 0);
  });
  await page.goto('/login');
  await page.getByTestId('username').waitFor();
  await page.waitForLoadState('networkidle');
  // The sign-in page alone: no shell, no pages, no forms library (issue 13: was 204 KB).
  const loginKB = Math.round(jsBytes / 1024);
  await page.getByTestId('username').fill('agent04');
  await page.getByTestId('password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/desk');
  await page.getByTestId('desk-counts').locator('.ant-statistic-content-value').first().waitFor();
  const firstScreenKB = Math.round(jsBytes / 1024);
  await screenshot(page, 'desk');
  // The customer list, opened from the menu: time from the API's answer to 50 rows on screen.
  const listAnswered = page.waitForResponse((r) => r.url().includes('/api/v1/customers?') && r.status() === 200);
  await page.getByTestId('nav').getByText('客户').click();
  await (await listAnswered).finished();
  const answeredAt = Date.now();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customers-table] tbody tr.ant-table-row').length === 50);
  const renderMs = Date.now() - answeredAt;
  console.log(`# budget: ${loginKB} KB compressed JS for the sign-in page, ${firstScreenKB} KB with the desk; 50 customer rows on screen ${renderMs} ms after the API answered`);
  assert.ok(loginKB > 0 && loginKB < 160, `${loginKB} KB of JS for sign-in`);
  assert.ok(jsBytes > 0 && firstScreenKB < 500, `${firstScreenKB} KB of JS`);
  // The budget is 300 ms, measured and recorded in bench/RESULTS.md; a test on a busy 2-core machine asserts only
  // a ceiling that a several-fold regression would break (issue 13: 370 and 511 ms were seen under load).
  assert.ok(renderMs < 1500, `${renderMs} ms`);
  await context.close();
});
