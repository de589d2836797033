// The payroll commands (issue 16) on the demo company under seed 001: `waihu payroll run` prints each person's pay
// (or every statement as JSON, each adding up), `waihu payroll whatif` compares last month under a draft policy
// without touching it, `waihu payroll close` closes the month and a later run is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxRows } from './xlsx.mjs';
import { freshData, startServer, api, cleanup, cli, preset, applyPreset, login, companyToday, monthBefore, DEMO_PASSWORD } from './helpers.mjs';

const month = monthBefore(companyToday());
let dir, files;

before(async () => {
  dir = freshData({ demo: true });
  files = mkdtempSync(join(tmpdir(), 'waihu-policy-'));
  const seed = readFileSync(preset('seed-001'), 'utf8');
  writeFileSync(join(files, 'cap-30.toml'), seed.replace('deduction_cap_percent = 20', 'deduction_cap_percent = 30').replace('base = { probation = 750, regular = 750 }', 'base = { probation = 750, regular = 900 }'));
  writeFileSync(join(files, 'broken.toml'), seed.replace('method = "marginal"', 'method = "stepped"'));
  applyPreset(dir, 'seed-001');
  // Team targets are entered through the API (the supervisors' and manager's plans need them).
  const srv = await startServer(dir);
  try {
    const token = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
    for (const x of (await api(srv.base, 'GET', `/api/v1/pay/targets?month=${month}`, { token })).json.items) {
      const r = await api(srv.base, 'PUT', '/api/v1/pay/targets', { token, body: { team_id: x.team_id, month, amount_fen: 30000000 } });
      assert.equal(r.status, 200, JSON.stringify(r.json));
    }
  } finally {
    await srv.stop();
  }
});
after(() => cleanup(dir));

test('payroll run prints each person\'s pay, and with --json every statement with lines that add up', () => {
  const text = cli(dir, ['payroll', 'run', '--month', month]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`${month}: \\d+ statements \\(draft\\), gross [\\d,.]+, net [\\d,.]+, policy v\\d+`));
  assert.match(text.stdout, /罗辉 \(agent, 电销一组\): gross [\d,.]+, net [\d,.]+/);
  const json = cli(dir, ['payroll', 'run', '--month', month, '--json']);
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.ok(out.statements.length >= 30);
  for (const s of out.statements) {
    assert.equal(s.lines.reduce((a, l) => a + l.amount_fen, 0), s.net_fen, s.name);
    assert.equal(s.gross_fen - s.deductions_fen, s.net_fen);
  }
  assert.equal(cli(dir, ['payroll', 'run', '--month', '2026-13']).status === 0, false);
});

test('payroll run --xlsx writes every line for finance', () => {
  const file = join(files, 'pay.xlsx');
  const r = cli(dir, ['payroll', 'run', '--month', month, '--xlsx', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /pay\.xlsx: \d+ lines/);
  const rows = xlsxRows(readFileSync(file));
  assert.equal(rows[0][0].value, '工资单编号');
  const printed = JSON.parse(cli(dir, ['payroll', 'run', '--month', month, '--json']).stdout);
  assert.equal(rows.length - 1, printed.statements.reduce((a, s) => a + s.lines.length, 0));
  assert.equal(rows[1][10].type, 'number', 'amounts are numbers');
});

test('payroll whatif compares the month under a draft, and leaves it as it was', () => {
  const before = JSON.parse(cli(dir, ['payroll', 'run', '--month', month, '--json']).stdout);
  const text = cli(dir, ['payroll', 'whatif', '--month', month, '--policy', join(files, 'cap-30.toml')]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /against the month's statements \(v\d+\): \d+ of \d+ people change; net [\d,.]+ → [\d,.]+/);
  assert.match(text.stdout, /base pay\.plan\.supervisor\.base: 750\.00 → 900\.00/);
  const json = cli(dir, ['payroll', 'whatif', '--month', month, '--policy', join(files, 'cap-30.toml'), '--json']);
  assert.equal(json.status, 0, json.stderr);
  const w = JSON.parse(json.stdout);
  assert.equal(w.against, 'statements');
  // Every supervisor's base rises by 150; the whole difference is the sum of each person's.
  const supervisors = w.people.filter((p) => p.role === 'supervisor');
  assert.equal(supervisors.length, 3);
  for (const p of supervisors) assert.ok(p.lines.some((l) => l.code === 'base' && l.difference_fen === 15000), JSON.stringify(p.lines));
  assert.equal(w.difference_fen, w.people.reduce((a, p) => a + p.difference_fen, 0));
  const broken = cli(dir, ['payroll', 'whatif', '--month', month, '--policy', join(files, 'broken.toml'), '--json']);
  assert.equal(broken.status, 2);
  assert.equal(JSON.parse(broken.stdout).error.code, 'policy.invalid');
  // Untouched: a fresh --json listing is the same (computed_at aside, which the listing does not print).
  const after = JSON.parse(cli(dir, ['payroll', 'run', '--month', month, '--json']).stdout);
  assert.deepEqual(after.statements.map((s) => [s.user_id, s.net_fen]), before.statements.map((s) => [s.user_id, s.net_fen]));
});

test('payroll close closes the month for good: a later run is refused', () => {
  const closed = cli(dir, ['payroll', 'close', '--month', month]);
  assert.equal(closed.status, 0, closed.stderr);
  assert.match(closed.stdout, new RegExp(`${month}: closed`));
  const rerun = cli(dir, ['payroll', 'run', '--month', month]);
  assert.notEqual(rerun.status, 0);
  assert.match(rerun.stderr, /closed/);
});
