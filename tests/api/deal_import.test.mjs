import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, login, cli, cleanup, gbk, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, assistant, agent01, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assistant = await login(srv.base, 'zhouyan', DEMO_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

async function customersOf(user, n) {
  const r = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[user]}&status=new&limit=${n}`, { token: admin });
  return r.json.items;
}
const upload = (token, body, query = '') =>
  api(srv.base, 'POST', '/api/v1/deals/import' + query, { token, raw: body, headers: { 'content-type': 'text/csv' } });

test('a GBK deals sheet: deals and payments in fen, customers won, bad lines named, re-import adds only new payments', async () => {
  const [a, b] = await customersOf('agent04', 2);
  const sheet = (extra = []) => ['合同编号,客户电话,成交坐席,商务代表,产品,合同金额,成交日期,回款金额,回款日期,备注',
    `HT-2025-001,${a.phones[0].slice(3)},agent04,,协同办公 OA 标准版,"12,800.50",2025/3/4,6400.25,2025-03-06,首付一半`,
    `HT-2025-002,${b.phones[0].slice(3)},8004,hegang,ERP 专业版,¥36000,2025年3月5日,,,代理拜访`,
    `HT-2025-003,13000000000,agent04,,企业邮箱,2400,2025-03-05,,,`,
    `HT-2025-004,${a.phones[0].slice(3)},agent04,,企业邮箱,-5,2025-03-05,,,`,
    `HT-2025-005,${a.phones[0].slice(3)},agent04,,企业邮箱,2400.123,2025-03-05,,,`,
    ...extra].join('\r\n') + '\r\n';

  let r = await upload(assistant, gbk(sheet()));
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.encoding, 'GB18030');
  assert.deepEqual(r.json.errors.map((e) => [e.line, e.column]), [[4, '客户电话'], [5, '合同金额'], [6, '合同金额']]);
  assert.equal((await api(srv.base, 'GET', `/api/v1/deals?customer_id=${a.id}`, { token: admin })).json.items.length, 0);

  r = await upload(assistant, gbk(sheet()), '?partial=true&filename=成交登记表.csv');
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual([r.json.read, r.json.deals_created, r.json.payments_created, r.json.duplicates, r.json.rejected], [5, 2, 1, 0, 3]);
  assert.ok(r.json.rejects_url);
  const deals = (await api(srv.base, 'GET', `/api/v1/deals?customer_id=${a.id}`, { token: admin })).json.items;
  assert.equal(deals.length, 1);
  const deal = (await api(srv.base, 'GET', `/api/v1/deals/${deals[0].id}`, { token: admin })).json;
  assert.equal(deal.amount_fen, 1280050, 'yuan with decimals become exact fen');
  assert.equal(deal.closed_on, '2025-03-04');
  assert.equal(deal.agent_id, ids.agent04);
  assert.equal(deal.paid_fen, 640025);
  const proxy = (await api(srv.base, 'GET', `/api/v1/deals?customer_id=${b.id}`, { token: admin })).json.items[0];
  assert.equal(proxy.sourcing, 'proxy');
  assert.equal(proxy.field_rep_id, ids.hegang);
  assert.equal(proxy.amount_fen, 3600000);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${a.id}`, { token: admin })).json.status, 'won');

  // Finance appends the second payment: only it goes in.
  r = await upload(assistant, gbk(sheet([`HT-2025-001,${a.phones[0].slice(3)},agent04,,协同办公 OA 标准版,"12,800.50",2025/3/4,6400.25,2025-03-20,尾款`])), '?partial=true');
  assert.deepEqual([r.json.deals_created, r.json.payments_created, r.json.duplicates], [0, 1, 2]);
  const again = (await api(srv.base, 'GET', `/api/v1/deals/${deals[0].id}`, { token: admin })).json;
  assert.equal(again.paid_fen, 1280050);
  assert.equal(again.payments.length, 2);
});

test('deals import: header problems, scope and rights', async () => {
  const noCustomer = await upload(assistant, Buffer.from('成交坐席,产品,金额,成交日期\r\nagent01,x,1,2025-01-01\r\n'));
  assert.equal(noCustomer.status, 400);
  assert.match(noCustomer.json.error.message, /customer_phone or customer_id/);
  assert.equal((await upload(assistant, Buffer.from(''))).status, 400);
  assert.equal((await upload(agent01, Buffer.from('x'))).status, 403, 'agents do not import deals');
  // A supervisor of group 1 cannot record a deal for an agent of group 2.
  const sup1 = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const [c] = await customersOf('agent15', 1);
  const r = await upload(sup1, Buffer.from(`客户编号,成交坐席,产品,金额,成交日期\r\n${c.id},agent15,CRM,4800,2025-02-01\r\n`));
  assert.equal(r.status, 422);
  assert.equal(r.json.errors[0].column, '成交坐席');
});

test('waihu import deals --json', async () => {
  const [c] = await customersOf('agent06', 1);
  const file = join(dir, 'deals.csv');
  writeFileSync(file, `customer_id,agent,product,amount,closed_on,paid_amount,paid_on\n${c.id},agent06,CRM 年费,4800,2025-02-01,4800,2025-02-03\n`);
  const r = cli(dir, ['import', 'deals', file, '--json']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual([report.read, report.deals_created, report.payments_created, report.rejected], [1, 1, 1, 0]);
  const twice = JSON.parse(cli(dir, ['import', 'deals', file, '--json']).stdout);
  assert.deepEqual([twice.deals_created, twice.payments_created, twice.duplicates], [0, 0, 1], 'a row without a contract number is keyed on its values');
});

test('a dry run of a deals sheet writes nothing', async () => {
  const [c] = await customersOf('agent07', 1);
  const sheet = Buffer.from(`客户编号,成交坐席,产品,金额,成交日期\r\n${c.id},agent07,企业邮箱,2400,2025-02-02\r\n`);
  const dry = await upload(assistant, sheet, '?dry_run=true');
  assert.equal(dry.status, 200);
  assert.deepEqual([dry.json.read, dry.json.rejected, dry.json.committed, dry.json.deals_created], [1, 0, false, 0]);
  assert.equal((await api(srv.base, 'GET', `/api/v1/deals?customer_id=${c.id}`, { token: admin })).json.items.length, 0);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: admin })).json.status, 'new');
});
