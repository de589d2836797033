// Leavers and hires within a month over real HTTP (issue 16): the admin records a leaver's last day and how they
// left (never guessed), a month pays everyone employed on any of its days — the base by calendar days employed, as
// seed 001's preset states — and a resignation out of order withholds the final month under the [resignation] rule,
// as a deduction the law's cap still holds, the approved request one click from the line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, cleanup, cli, preset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const today = companyToday();
const M3 = today.slice(0, 7);
const M2 = monthBefore(today);
const daysIn = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const prorate = (fen, num, den) => Math.round((fen * num) / den);  // half-up on positive amounts
let dir, srv, t = {}, ids = {}, teams = {};
const PASSWORD = 'pay-leavers-2026';

const post = (who, path, body) => api(srv.base, 'POST', path, { token: t[who], body });
const patch = (id, body) => api(srv.base, 'PATCH', `/api/v1/users/${id}`, { token: t.admin, body });
const run = async (month) => {
  const r = await post('zhaomin', `/api/v1/payroll/${month}/run`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
};
const statementOf = async (month, user) => {
  const rows = (await api(srv.base, 'GET', `/api/v1/payroll/${month}/statements?limit=1000`, { token: t.zhaomin })).json.items;
  const row = rows.find((s) => s.user_id === ids[user]);
  if (!row) return null;
  return (await api(srv.base, 'GET', `/api/v1/payroll/statements/${row.id}`, { token: t.zhaomin })).json;
};
const line = (s, code) => s.lines.find((l) => l.code === code);

before(async () => {
  dir = freshData({ demo: true });
  // Seed 001's pay with seed 004's resignation rule.
  const policy = join(dir, 'leavers.toml');
  writeFileSync(policy, readFileSync(preset('seed-001'), 'utf8') +
    '\n[resignation]\nnotice_days = 15\nshort_notice = "no_final_pay"\nfirst_month_days = 30\n');
  const applied = cli(dir, ['policy', 'apply', policy]);
  assert.equal(applied.status, 0, applied.stderr);
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  t.zhaomin = await login(srv.base, 'zhaomin', DEMO_PASSWORD);
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: t.admin })).json.items) teams[x.name] = x.id;
  const team = await post('admin', '/api/v1/teams', { name: '去留组', parent_id: teams['电销部'] });
  assert.equal(team.status, 201, JSON.stringify(team.json));
  for (const [username, hired_on] of [['stayer', '2025-01-02'], ['walker', '2025-01-02'], ['quitter', '2025-01-02'], ['joiner', `${M2}-11`]]) {
    const u = await post('admin', '/api/v1/users', { username, display_name: username, role: 'agent', team_id: team.json.id, password: PASSWORD, employment_status: 'regular', hired_on });
    assert.equal(u.status, 201, JSON.stringify(u.json));
    ids[username] = u.json.id;
    t[username] = await login(srv.base, username, PASSWORD);
  }
  let n = 0;
  const deal = async (who, amount_fen, closed_on) => {
    const c = await post(who, '/api/v1/customers', { company: `去留客户${++n}有限公司`, phones: [`1396633${String(n).padStart(4, '0')}`] });
    assert.equal(c.status, 201, JSON.stringify(c.json));
    const d = await post(who, '/api/v1/deals', { customer_id: c.json.id, product: '网站建设', amount_fen, closed_on });
    assert.equal(d.status, 201, JSON.stringify(d.json));
  };
  // 16,000 each: above the baseline, 240 of commission.
  await deal('walker', 1600000, `${M2}-05`);
  await deal('joiner', 1600000, `${M2}-20`);
  await deal('stayer', 1600000, `${M2}-20`);
  await deal('quitter', 1600000, today);
  // Every team with a supervisor or manager needs its target each month.
  for (const month of [M2, M3])
    for (const name of ['电销部', '电销一组', '电销二组', '电销三组']) {
      const r = await api(srv.base, 'PUT', '/api/v1/pay/targets', { token: t.zhaomin, body: { team_id: teams[name], month, amount_fen: 30000000 } });
      assert.equal(r.status, 200, JSON.stringify(r.json));
    }
});

after(async () => {
  await srv?.stop();
  cleanup(dir);
});

test('a leaver has a last day and says how they left; neither is guessed, neither is in the future', async () => {
  let r = await patch(ids.walker, { employment_status: 'left' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.details.field, 'left_reason');
  r = await patch(ids.walker, { employment_status: 'left', left_reason: 'fled', left_on: `${M2}-10` });
  assert.equal(r.json.error.details.field, 'left_reason');
  r = await patch(ids.walker, { employment_status: 'left', left_reason: 'resigned', left_on: '2099-01-01' });
  assert.equal(r.json.error.details.field, 'left_on');
  r = await patch(ids.walker, { employment_status: 'left', left_reason: 'resigned', left_on: '2024-12-31' });
  assert.equal(r.json.error.details.field, 'left_on', 'before the hiring day');
  r = await patch(ids.stayer, { left_on: `${M2}-10` });
  assert.equal(r.json.error.details.field, 'left_on', 'only a leaver has a last day');
  r = await patch(ids.walker, { employment_status: 'left', left_reason: 'resigned', left_on: `${M2}-10` });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.left_on, `${M2}-10`);
  assert.equal(r.json.left_reason, 'resigned');
  const audit = (await api(srv.base, 'GET', `/api/v1/audit?action=user.update`, { token: t.admin })).json.items;
  assert.ok(audit.some((a) => a.entity_id === ids.walker && a.after?.left_on === `${M2}-10`), 'the change is audited');
});

test('a month pays its leavers and hires for their days; a walk-out is withheld within the cap', async () => {
  await run(M2);
  const D = daysIn(M2);
  const walker = await statementOf(M2, 'walker');
  assert.ok(walker, 'someone who left within the month has a statement');
  assert.equal(line(walker, 'base').amount_fen, prorate(75000, 10, D));
  assert.match(line(walker, 'base').explanation, new RegExp(`× 10/${D}`));
  assert.equal(line(walker, 'commission').amount_fen, 24000, 'commission is not prorated');
  const earned = prorate(75000, 10, D) + 24000;
  const withheld = line(walker, 'final_pay_withheld');
  assert.equal(withheld.amount_fen, -earned);
  assert.equal(withheld.rule, 'resignation.short_notice');
  assert.equal(walker.deductions_fen, Math.round(earned * 0.2), 'the law\'s 20% cap holds');
  assert.equal(walker.net_fen, earned - Math.round(earned * 0.2));
  assert.equal(walker.held_over_fen, earned - Math.round(earned * 0.2));
  assert.equal(walker.status_next_month, 'left');

  const joiner = await statementOf(M2, 'joiner');
  assert.equal(line(joiner, 'base').amount_fen, prorate(75000, D - 10, D), 'hired on the 11th');
  assert.equal(line(joiner, 'final_pay_withheld'), undefined);
  const stayer = await statementOf(M2, 'stayer');
  assert.equal(line(stayer, 'base').amount_fen, 75000, 'a whole month is not prorated');
  assert.doesNotMatch(line(stayer, 'base').explanation, /在职/);
});

test('a resignation approved with too little notice withholds the final month and names its request', async () => {
  const asked = await post('quitter', '/api/v1/requests', { kind: 'resignation', from: today, reason: '家里有事 / family matters' });
  assert.equal(asked.status, 201, JSON.stringify(asked.json));
  const approved = await post('zhaomin', `/api/v1/requests/${asked.json.id}/decision`, { decision: 'approved' });
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  const left = await patch(ids.quitter, { employment_status: 'left', left_reason: 'resigned' });
  assert.equal(left.status, 200, JSON.stringify(left.json));
  assert.equal(left.json.left_on, today, 'the last day defaults to today');

  await run(M3);
  const quitter = await statementOf(M3, 'quitter');
  const at = quitter.lines.findIndex((l) => l.code === 'final_pay_withheld');
  assert.ok(at >= 0, JSON.stringify(quitter.lines));
  assert.equal(quitter.lines[at].rule, 'resignation.short_notice');
  assert.match(quitter.lines[at].explanation, new RegExp(`#${asked.json.id}`));
  const records = await api(srv.base, 'GET', `/api/v1/payroll/statements/${quitter.id}/lines/${at + 1}/records`, { token: t.zhaomin });
  assert.equal(records.status, 200, JSON.stringify(records.json));
  assert.deepEqual(records.json.requests.map((r) => [r.id, r.kind, r.outcome]), [[asked.json.id, 'resignation', 'short_notice']]);
  // Someone who left last month is in no later month; their own statement is still theirs to read.
  assert.equal(await statementOf(M3, 'walker'), null);
  const own = (await api(srv.base, 'GET', `/api/v1/payroll/${M2}/statements?limit=10`, { token: t.walker }));
  assert.equal(own.status, 200);
});
