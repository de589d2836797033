// A payroll month under the policy versions in force on each day, over real HTTP (issue 16): seed 001 all month,
// and from the 16th a version that raises a clerk's regular base from 750 to 1,050. The clerk's base is paid by
// each version's share of the days; the commission, which both versions pay alike on the month's total, is paid
// whole, once; a field rep, whose pay neither version changes, has a statement as if nothing happened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, cleanup, cli, preset, applyPreset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const month = monthBefore(companyToday());
const [year, mm] = month.split('-').map(Number);
const days = new Date(Date.UTC(year, mm, 0)).getUTCDate(); // the month's last day
const PASSWORD = 'pay-versions-2026';
let dir, srv, t = {}, ids = {}, teams = {};

before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-001');
  // The second version: seed 001 with the clerk's regular base raised, in force from the month's 16th.
  const text = readFileSync(preset('seed-001'), 'utf8');
  const clerkBase = 'base = { probation = 700, regular = 750 }';
  assert.ok(text.includes(clerkBase));
  const raised = text
    .replace('effective_from = 2026-01-01', `effective_from = ${month}-16`)
    .replace(clerkBase, 'base = { probation = 700, regular = 1050 }')
    // The version's own worked examples follow its base, or it would not publish.
    .replace('expect = { base = 750, commission = 880, gross = 1630 }', 'expect = { base = 1050, commission = 880, gross = 1930 }')
    .replace('expect = { commission = 180, gross = 930 }', 'expect = { commission = 180, gross = 1230 }');
  const file = join(dir, 'raised.toml');
  writeFileSync(file, raised);
  const applied = cli(dir, ['policy', 'apply', file]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  t.zhaomin = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: t.admin })).json.items) teams[x.name] = x.id;
  const group = await api(srv.base, 'POST', '/api/v1/teams', { token: t.admin, body: { name: '调薪测试组', parent_id: teams['电销部'] } });
  assert.equal(group.status, 201, JSON.stringify(group.json));
  for (const [username, role] of [['clerk', 'agent'], ['rep', 'field_rep']]) {
    const u = await api(srv.base, 'POST', '/api/v1/users', {
      token: t.admin, body: { username, display_name: username, role, team_id: group.json.id, password: PASSWORD, employment_status: 'regular', hired_on: '2025-06-02' },
    });
    assert.equal(u.status, 201, JSON.stringify(u.json));
    ids[username] = u.json.id;
    t[username] = await login(srv.base, username, PASSWORD);
  }
  // 32,000 closed before the change, by the clerk; 23,000 by the rep.
  for (const [who, n, amount_fen] of [['clerk', 1, 3200000], ['rep', 2, 2300000]]) {
    const c = await api(srv.base, 'POST', '/api/v1/customers', { token: t[who], body: { company: `调薪测试客户${n}有限公司`, phones: [`1395533${String(n).padStart(4, '0')}`] } });
    assert.equal(c.status, 201, JSON.stringify(c.json));
    const d = await api(srv.base, 'POST', '/api/v1/deals', { token: t[who], body: { customer_id: c.json.id, product: '网站建设', amount_fen, closed_on: `${month}-05` } });
    assert.equal(d.status, 201, JSON.stringify(d.json));
  }
  for (const team of ['电销部', '电销一组', '电销二组', '电销三组']) {
    const r = await api(srv.base, 'PUT', '/api/v1/pay/targets', { token: t.zhaomin, body: { team_id: teams[team], month, amount_fen: 30000000 } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
});
after(async () => {
  await srv?.stop();
  cleanup(dir);
});

const statementOf = async (user) => {
  const rows = (await api(srv.base, 'GET', `/api/v1/payroll/${month}/statements?limit=1000`, { token: t.zhaomin })).json.items;
  const row = rows.find((s) => s.user_id === ids[user]);
  assert.ok(row, `${user} has a statement`);
  return (await api(srv.base, 'GET', `/api/v1/payroll/statements/${row.id}`, { token: t.zhaomin })).json;
};
const planLines = (s) => s.lines.filter((l) => l.code !== 'minimum_wage').map((l) => [l.code, l.amount_fen]);
const yuan = (fen) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
const mmdd = (d) => `${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

test('the month names each version and the days it was in force', async () => {
  const r = await api(srv.base, 'POST', `/api/v1/payroll/${month}/run`, { token: t.zhaomin });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const state = (await api(srv.base, 'GET', `/api/v1/payroll/${month}`, { token: t.zhaomin })).json;
  assert.equal(state.policy_versions.length, 2, JSON.stringify(state.policy_versions));
  const [first, second] = state.policy_versions;
  assert.deepEqual([first.from, first.to, second.from, second.to], [`${month}-01`, `${month}-15`, `${month}-16`, `${month}-${String(days).padStart(2, '0')}`]);
  assert.ok(second.version > first.version);
  ids.versions = [first.version, second.version];
});

test('a clerk\'s base is paid by each version\'s days; the commission both pay alike is paid whole, once', async () => {
  const s = await statementOf('clerk');
  const before = Math.round((75000 * 15) / days);
  const afterChange = Math.round((105000 * (days - 15)) / days);
  assert.deepEqual(planLines(s), [['base', before], ['commission', 24000], ['commission', 64000], ['base', afterChange]]);
  const [v1, v2] = ids.versions;
  assert.match(s.lines[0].explanation, new RegExp(`第 ${v1} 版 ${mmdd(1)}–${mmdd(15)} 按天 750\\.00 × 15/${days} = ${yuan(before).replace('.', '\\.')}`));
  assert.match(s.lines[3].explanation, new RegExp(`version ${v2} ${mmdd(16)}–${mmdd(days)} by days: 1,050\\.00 × ${days - 15}/${days}`));
  assert.doesNotMatch(s.lines[1].explanation, /按天/);
  // The statement still adds up, and names the version that settles the month.
  assert.equal(s.lines.reduce((sum, l) => sum + l.amount_fen, 0), s.net_fen);
  assert.equal(s.policy_version, v2);
});

test('a field rep whom neither version pays differently has one whole month', async () => {
  const s = await statementOf('rep');
  assert.deepEqual(planLines(s), [['base', 75000], ['commission', 21000], ['commission', 44000]]);
  assert.ok(s.lines.every((l) => !/按天/.test(l.explanation)));
});
