import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshData, startServer, api, login, cleanup, gbk, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, assistant, agent01;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assistant = await login(srv.base, 'zhouyan', DEMO_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
});
after(async () => { await srv.stop(); cleanup(dir); });

const sheet = [
  '单位名称,联系人,职务,联系电话,行业,备注',
  '温州瑞丰鞋业有限公司,陈明,采购经理,138 5770 1234,制造业,"春季订货会,\r\n需回访"',
  '嘉兴永泰纺织有限公司,沈丽,总经理,1234567,纺织,号码错',
  '',
  '湖州天成竹木有限公司,钱刚,行政主管,0572-2345678,建材',
  '绍兴汇智教育咨询有限公司,孙华,校长,+86 139-5750-8888,教育,ok',
  '温州瑞丰鞋业有限公司,陈明,采购经理,13857701234,制造业,本文件内重复',
].join('\r\n') + '\r\n';

async function upload(token, body, query = '') {
  return api(srv.base, 'POST', '/api/v1/customers/import' + query, { token, raw: body, headers: { 'content-type': 'text/csv' } });
}

test('a GBK file with a bad line: line-numbered errors and nothing imported', async () => {
  const r = await upload(assistant, gbk(sheet), '?pool=true&filename=zj.csv');
  assert.equal(r.status, 422);
  assert.equal(r.json.encoding, 'GB18030');
  assert.equal(r.json.committed, false);
  assert.equal(r.json.created, 0);
  assert.deepEqual(r.json.errors.map((e) => [e.line, e.column]), [[4, '联系电话'], [6, null]]);
  assert.match(r.json.errors[1].reason, /5 fields, header has 6/);
  const found = await api(srv.base, 'GET', '/api/v1/customers?q=' + encodeURIComponent('瑞丰鞋业'), { token: admin });
  assert.equal(found.json.items.length, 0);
});

test('partial import commits the good rows, counts the in-file duplicate, and serves the rejects', async () => {
  // A week-old file in the uploads folder is cleared away by the next upload.
  const { mkdirSync, writeFileSync, utimesSync, existsSync } = await import('node:fs');
  mkdirSync(join(dir, 'uploads'), { recursive: true });
  const stale = join(dir, 'uploads', '1-stale-rejects.csv');
  writeFileSync(stale, 'x');
  const eightDaysAgo = new Date(Date.now() - 8 * 86400 * 1000);
  utimesSync(stale, eightDaysAgo, eightDaysAgo);
  const r = await upload(assistant, gbk(sheet), '?pool=true&partial=true');
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.ok(!existsSync(stale), 'the week-old file is gone');
  assert.deepEqual([r.json.read, r.json.created, r.json.duplicates, r.json.rejected], [5, 2, 1, 2]);
  const found = await api(srv.base, 'GET', '/api/v1/customers?q=' + encodeURIComponent('瑞丰鞋业'), { token: admin });
  assert.equal(found.json.items.length, 1);
  const c = found.json.items[0];
  assert.equal(c.notes, '春季订货会,\r\n需回访', 'a quoted field keeps its comma and line break');
  assert.equal(c.owner_id, null);
  assert.deepEqual(c.phones, ['+8613857701234']);
  const rejects = await api(srv.base, 'GET', r.json.rejects_url, { token: assistant });
  assert.equal(rejects.status, 200);
  const text = rejects.buf.toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with BOM for Excel');
  assert.match(text, /嘉兴永泰纺织有限公司/);
  assert.match(text, /湖州天成竹木有限公司/);
  assert.match(text, /duplicate of line 2/);
  assert.equal((await api(srv.base, 'GET', r.json.rejects_url, { token: agent01 })).status, 404, "another user's rejects");
  // Re-importing the same file creates nothing.
  const again = await upload(assistant, gbk(sheet), '?pool=true&partial=true');
  assert.equal(again.json.created, 0);
  assert.equal(again.json.duplicates, 3);
});

test('dry run writes nothing; agents may not import; bad options are named', async () => {
  const csv = 'company,phone\n试运行公司,13677778888\n';
  const dry = await upload(assistant, csv, '?dry_run=true&pool=true');
  assert.equal(dry.status, 200);
  assert.equal(dry.json.created, 1);
  assert.equal(dry.json.committed, false);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?q=13677778888', { token: admin })).json.items.length, 0);
  assert.equal((await upload(agent01, csv)).status, 403);
  const badMode = await upload(assistant, csv, '?dedupe=merge');
  assert.equal(badMode.status, 400);
  assert.equal(badMode.json.error.details.field, 'dedupe');
  const noPhone = await upload(assistant, 'company,remark\nx,y\n');
  assert.equal(noPhone.status, 400);
  assert.equal(noPhone.json.error.code, 'import.mapping');
  const empty = await upload(assistant, '');
  assert.equal(empty.status, 400);
  const owner = await upload(assistant, csv, '?owner=agent01');
  assert.equal(owner.status, 200);
  const mine = await api(srv.base, 'GET', '/api/v1/customers?q=13677778888', { token: agent01 });
  assert.equal(mine.json.items.length, 1);
});

test('export: CSV and xlsx, filter-aware, masked per role, audited', async () => {
  const csv = await api(srv.base, 'GET', '/api/v1/customers/export?format=csv&grade=A', { token: admin });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /attachment/);
  const lines = csv.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(lines[0], /^\ufeff编号,单位名称,联系人/);
  const listed = await api(srv.base, 'GET', '/api/v1/customers?grade=A&limit=1000', { token: admin });
  assert.equal(lines.length - 1, listed.json.items.length, 'one line per customer in the filter');
  assert.match(lines[1], /,1[3-9]\d{9},/, 'admin sees full numbers');

  const qa = await login(srv.base, 'sunli', DEMO_PASSWORD);
  const forbidden = await api(srv.base, 'GET', '/api/v1/customers/export', { token: qa });
  assert.equal(forbidden.status, 403);
  const sup = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const supCsv = await api(srv.base, 'GET', '/api/v1/customers/export?pool=true', { token: sup });
  assert.equal(supCsv.status, 200);

  const xlsx = await api(srv.base, 'GET', '/api/v1/customers/export?format=xlsx&status=won', { token: admin });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(xlsx.buf.subarray(0, 2).toString(), 'PK', 'an xlsx is a zip');

  const audit = await api(srv.base, 'GET', '/api/v1/audit?action=customer.export', { token: admin });
  assert.equal(audit.json.items.length, 3);
  const last = audit.json.items[0];
  assert.equal(last.detail.format, 'xlsx');
  assert.equal(last.detail.filter.status, 'won');
  assert.ok(last.detail.rows > 0);
  assert.ok(last.actor_id > 0);
});

test('the audit log exports with its filter to CSV or xlsx, for those who may read it, and the export is audited', async () => {
  const csv = await api(srv.base, 'GET', '/api/v1/audit/export?action=customer.import', { token: admin });
  assert.equal(csv.status, 200);
  const lines = csv.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(lines[0], /^\ufeff编号,时间,操作人,动作,对象,对象编号,对象名称,变更,详情/);
  assert.ok(lines.length > 1 && lines.slice(1).every((l) => l.includes('导入客户')), 'only the filtered action, by its label');
  const en = await api(srv.base, 'GET', '/api/v1/audit/export?action=customer.import&lang=en', { token: admin });
  assert.ok(en.buf.toString('utf8').split('\r\n').slice(1, -1).every((l) => l.includes('Customers imported')));
  const xlsx = await api(srv.base, 'GET', '/api/v1/audit/export?format=xlsx', { token: admin });
  assert.equal(xlsx.buf.subarray(0, 2).toString(), 'PK');
  assert.equal((await api(srv.base, 'GET', '/api/v1/audit/export', { token: assistant })).status, 403);
  const audited = await api(srv.base, 'GET', '/api/v1/audit?action=audit.export', { token: admin });
  assert.equal(audited.json.items.length, 3, 'the CSV, the English CSV and the xlsx');
  assert.equal(audited.json.items[2].detail.filter.action, 'customer.import');
});

test('import templates: each kind in CSV and xlsx, zh and en; the customer template reads back with every header known', async () => {
  for (const lang of ['zh', 'en']) {
    const csv = await api(srv.base, 'GET', `/api/v1/imports/templates/customers?lang=${lang}`, { token: assistant });
    assert.equal(csv.status, 200);
    const name = lang === 'zh' ? '客户导入模板.csv' : 'customer-import-template.csv';
    assert.match(csv.headers.get('content-disposition'), new RegExp(encodeURIComponent(name).replace(/[.()]/g, '\\$&')));
    const check = await upload(assistant, csv.buf, "?dry_run=true&pool=true");
    assert.equal(check.status, 200, JSON.stringify(check.json));
    assert.equal(check.json.read, 1);
    assert.deepEqual(check.json.unknown_headers ?? [], [], lang);
    assert.equal(check.json.rejected, 0, JSON.stringify(check.json.errors));
  }
  for (const kind of ['calls', 'deals']) {
    const x = await api(srv.base, 'GET', `/api/v1/imports/templates/${kind}?format=xlsx`, { token: assistant });
    assert.equal(x.status, 200);
    assert.equal(x.buf.subarray(0, 2).toString(), 'PK');
  }
  assert.equal((await api(srv.base, 'GET', '/api/v1/imports/templates/payroll', { token: assistant })).status, 404);
});
