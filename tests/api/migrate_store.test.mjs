// `waihu migrate-store`: a SQLite site moves to the store under test (PostgreSQL in the PostgreSQL pass, another
// SQLite file otherwise), verified table by table, and the moved site works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshData, startServer, api, login, cleanup, cli, dbUrl, sql, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let source, target, targetUrl;
before(() => {
  source = mkdtempSync(join(tmpdir(), 'waihu-source-'));
  const r = cli(source, ['init', '--demo', '--admin-password', ADMIN_PASSWORD]);
  assert.equal(r.status, 0, r.stderr);
  target = freshData({ init: false });
  targetUrl = dbUrl(target) ?? `sqlite:${join(target, 'waihu.db')}`;
});
after(() => { rmSync(source, { recursive: true, force: true }); cleanup(target); });

function migrate(...extra) {
  return cli(source, ['migrate-store', '--from', `sqlite:${join(source, 'waihu.db')}`, '--to', targetUrl, ...extra]);
}

test('migrate-store copies every table, verifies counts and checksums, and the moved site works', async () => {
  const r = migrate('--json');
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.verified, true);
  const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
  for (const t of ['teams', 'users', 'customers', 'customer_phones', 'calls', 'follow_ups', 'deals', 'deal_payments', 'audit_log']) {
    assert.ok(byTable[t], `${t} is reported`);
    assert.ok(byTable[t].target_rows > 0, `${t} has rows`);
    assert.equal(byTable[t].target_rows, byTable[t].source_rows);
    assert.equal(byTable[t].target_checksum, byTable[t].source_checksum);
  }
  assert.equal(byTable.customers.target_rows, 5000);
  // The store itself agrees with the report.
  assert.equal(Number(sql(target, 'SELECT COUNT(*) FROM calls').trim()), byTable.calls.source_rows);

  const srv = await startServer(target);
  try {
    const agent = await login(srv.base, 'agent01', DEMO_PASSWORD);
    const mine = await api(srv.base, 'GET', '/api/v1/customers?limit=5', { token: agent });
    assert.equal(mine.status, 200);
    assert.ok(mine.json.items.length > 0);
    // New rows continue after the copied ids.
    const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
    const created = await api(srv.base, 'POST', '/api/v1/customers', {
      token: admin, body: { company: '迁移后新建公司', contact_name: '新', phones: ['13511112222'] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const maxCopied = Number(sql(source, 'SELECT MAX(id) FROM customers').trim());
    assert.ok(created.json.id > maxCopied);
  } finally {
    await srv.stop();
  }
});

test('migrate-store refuses a target that holds data unless told to overwrite it', () => {
  const refused = migrate();
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /already holds data.*--overwrite/);
  // Nothing was touched: the customer created after the first copy is still there.
  assert.equal(sql(target, "SELECT COUNT(*) FROM customers WHERE company = '迁移后新建公司'").trim(), '1');
  const replaced = migrate('--overwrite');
  assert.equal(replaced.status, 0, replaced.stderr);
  assert.match(replaced.stdout, /customers\s+5000 rows\s+[0-9a-f]{16}\s+ok/);
  assert.match(replaced.stdout, /copied and verified/);
  assert.equal(sql(target, "SELECT COUNT(*) FROM customers WHERE company = '迁移后新建公司'").trim(), '0');
});

test('migrate-store refuses the same store as source and target', () => {
  const r = cli(source, ['migrate-store', '--from', `sqlite:${join(source, 'waihu.db')}`, '--to', `sqlite:${join(source, 'waihu.db')}`]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /same store/);
});

test('migrate-store refuses a SQLite source that is not there, and creates nothing', () => {
  const missing = join(source, 'typo.db');
  const r = cli(source, ['migrate-store', '--from', `sqlite:${missing}`, '--to', targetUrl]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /does not exist/);
  assert.equal(existsSync(missing), false);
});
