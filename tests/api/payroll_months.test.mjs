// Payroll across months over real HTTP (issue 16), seed 001 on the demo company: probation decided month by month
// (a clerk regular after two months' total, another kept by the manager's exception), a refund clawed back from the
// commission its deal paid the month before, at that month's rate, the deduction cap holding back the rest as a
// balance carried into the next month, and the minimum wage of the team's city as the floor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { freshData, startServer, api, cleanup, preset, applyPreset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

// Three months: two that are over (M1, M2) and this one (M3, run as a draft).
const today = companyToday();
const M3 = today.slice(0, 7);
const M2 = monthBefore(today);
const M1 = monthBefore(`${M2}-01`);
let dir, srv, t = {}, ids = {}, teams = {};
const PASSWORD = 'pay-months-2026';

const post = (who, path, body) => api(srv.base, 'POST', path, { token: t[who], body });
const put = (who, path, body) => api(srv.base, 'PUT', path, { token: t[who], body });
const run = async (month) => {
  const r = await post('zhaomin', `/api/v1/payroll/${month}/run`);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json;
};
const statementOf = async (month, user) => {
  const rows = (await api(srv.base, 'GET', `/api/v1/payroll/${month}/statements?limit=1000`, { token: t.zhaomin })).json.items;
  const row = rows.find((s) => s.user_id === ids[user]);
  assert.ok(row, `${user} has a statement for ${month}`);
  return (await api(srv.base, 'GET', `/api/v1/payroll/statements/${row.id}`, { token: t.zhaomin })).json;
};
const codes = (s) => s.lines.map((l) => [l.code, l.amount_fen]);

before(async () => {
  dir = freshData({ demo: true });
  applyPreset(dir, 'seed-001');
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['zhaomin', 'liqiang']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: t.admin })).json.items) teams[x.name] = x.id;
  for (const name of ['试用组', '老将组']) {
    const team = await post('admin', '/api/v1/teams', { name, parent_id: teams['电销部'] });
    assert.equal(team.status, 201, JSON.stringify(team.json));
    teams[name] = team.json.id;
  }
  // Two clerks hired on M1's first day, on probation; a regular clerk in a team with no city (no floor).
  for (const [username, team, status] of [['newbie1', '试用组', 'probation'], ['newbie2', '试用组', 'probation'], ['veteran', '老将组', 'regular']]) {
    const u = await post('admin', '/api/v1/users', { username, display_name: username, role: 'agent', team_id: teams[team], password: PASSWORD, employment_status: status, hired_on: `${M1}-01` });
    assert.equal(u.status, 201, JSON.stringify(u.json));
    ids[username] = u.json.id;
    t[username] = await login(srv.base, username, PASSWORD);
  }
  let n = 0;
  const deal = async (who, amount_fen, closed_on) => {
    const c = await post(who, '/api/v1/customers', { company: `跨月工资客户${++n}有限公司`, phones: [`1395522${String(n).padStart(4, '0')}`] });
    assert.equal(c.status, 201, JSON.stringify(c.json));
    const d = await post(who, '/api/v1/deals', { customer_id: c.json.id, product: '网站建设', amount_fen, closed_on });
    assert.equal(d.status, 201, JSON.stringify(d.json));
    return d.json.id;
  };
  // newbie1: 7,000 then 8,000 (15,000 together); newbie2: 2,000 then 3,000; veteran: 50,000 in M1 (paid), refunded
  // in full in M2, and 20,000 in M2.
  await deal('newbie1', 700000, `${M1}-10`);
  await deal('newbie1', 800000, `${M2}-10`);
  await deal('newbie2', 200000, `${M1}-10`);
  await deal('newbie2', 300000, `${M2}-10`);
  ids.bigDeal = await deal('veteran', 5000000, `${M1}-12`);
  const paid = await post('veteran', `/api/v1/deals/${ids.bigDeal}/payments`, { amount_fen: 5000000, paid_on: `${M1}-20` });
  assert.equal(paid.status, 201, JSON.stringify(paid.json));
  const refund = await post('veteran', `/api/v1/deals/${ids.bigDeal}/refunds`, { amount_fen: 5000000, refunded_on: `${M2}-05`, reason: '客户投诉退款' });
  assert.equal(refund.status, 201, JSON.stringify(refund.json));
  ids.refund = refund.json.payments.find((p) => p.kind === 'refund').id;
  await deal('veteran', 2000000, `${M2}-15`);
  // Every team with a supervisor or manager needs its target each month.
  for (const month of [M1, M2, M3])
    for (const team of ['电销部', '电销一组', '电销二组', '电销三组']) {
      const r = await put('zhaomin', '/api/v1/pay/targets', { team_id: teams[team], month, amount_fen: 30000000 });
      assert.equal(r.status, 200, JSON.stringify(r.json));
    }
});
after(async () => {
  await srv?.stop();
  cleanup(dir);
});

test('the admin sets minimum wages per city and the teams\' cities; managers read them, no one else writes them', async () => {
  t.agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  assert.equal((await api(srv.base, 'GET', '/api/v1/pay/minimum-wages', { token: t.agent01 })).status, 403);
  assert.equal((await put('zhaomin', '/api/v1/pay/minimum-wages', { city: '上海', amount_fen: 269000, from_month: M1 })).status, 403);
  assert.equal((await put('admin', '/api/v1/pay/minimum-wages', { city: '上海', amount_fen: -5, from_month: M1 })).json.error.details.field, 'amount_fen');
  assert.equal((await put('admin', '/api/v1/pay/minimum-wages', { city: '上海', amount_fen: 200000, from_month: '2026-13' })).json.error.details.field, 'from_month');
  assert.equal((await put('admin', '/api/v1/pay/minimum-wages', { city: ' ', amount_fen: 200000, from_month: M1 })).json.error.details.field, 'city');
  // An older wage, then the one in force from M1: the latest not after the month holds.
  assert.equal((await put('admin', '/api/v1/pay/minimum-wages', { city: '上海', amount_fen: 190000, from_month: '2020-01' })).status, 200);
  const set = await put('admin', '/api/v1/pay/minimum-wages', { city: '上海', amount_fen: 200000, from_month: M1, note: '沪人社规' });
  assert.equal(set.status, 200, JSON.stringify(set.json));
  assert.equal((await put('admin', '/api/v1/pay/team-cities', { team_id: 999999, city: '上海' })).status, 404);
  assert.equal((await put('zhaomin', '/api/v1/pay/team-cities', { team_id: teams['试用组'], city: '上海' })).status, 403);
  const city = await put('admin', '/api/v1/pay/team-cities', { team_id: teams['试用组'], city: '上海' });
  assert.equal(city.status, 200, JSON.stringify(city.json));
  const read = (await api(srv.base, 'GET', '/api/v1/pay/minimum-wages', { token: t.zhaomin })).json;
  assert.deepEqual(read.wages.map((w) => [w.city, w.amount_fen, w.from_month]), [['上海', 190000, '2020-01'], ['上海', 200000, M1]]);
  assert.deepEqual(read.teams.filter((x) => x.city).map((x) => [x.team_name, x.effective_city]), [['试用组', '上海']]);
  assert.equal(read.teams.find((x) => x.team_name === '老将组').effective_city, '', 'no city up the tree');
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=minimum_wage.set', { token: t.admin })).json.items;
  assert.equal(audit.length, 2);
});

test('month 1: probation base, cut below the baseline, raised to the city\'s minimum wage; no floor without a city', async () => {
  await run(M1);
  const n1 = await statementOf(M1, 'newbie1');
  assert.equal(n1.employment_status, 'probation');
  assert.equal(n1.status_next_month, 'probation', n1.status_why);
  assert.match(n1.status_why, /7,000\.00 < 8,000\.00/);
  // 700 × 7,000 ÷ 8,000 = 612.50, raised to 2,000.
  assert.deepEqual(codes(n1), [['base', 70000], ['baseline_cut', -8750], ['minimum_wage', 138750]]);
  assert.equal(n1.lines[2].rule, 'minimum_wage.上海');
  assert.equal(n1.net_fen, 200000);
  const vet = await statementOf(M1, 'veteran');
  // 50,000: 8,000×3% + 16,000×4% + 18,000×5% = 1,780.
  assert.deepEqual(codes(vet), [['base', 75000], ['commission', 24000], ['commission', 64000], ['commission', 90000]]);
  assert.ok(!vet.lines.some((l) => l.code === 'minimum_wage'));
});

test('month 2: the two months\' total decides probation; the refund is clawed back at the rate its deal was paid, the cap carries the rest', async () => {
  await run(M2);
  const n1 = await statementOf(M2, 'newbie1');
  assert.deepEqual([n1.employment_status, n1.status_next_month], ['probation', 'regular'], n1.status_why);
  assert.match(n1.status_why, /15,000\.00 ≥ 15,000\.00/);
  const n2 = await statementOf(M2, 'newbie2');
  assert.equal(n2.status_next_month, 'eliminated', n2.status_why);
  assert.equal(n2.exception, null);
  // The refund of all 50,000 takes back all 1,780 the deal paid in M1; this month pays 750 + 8,000×3% + 4,000×4%.
  const vet = await statementOf(M2, 'veteran');
  const claw = vet.lines.find((l) => l.code === 'clawback');
  assert.equal(claw.amount_fen, -178000, claw.explanation);
  assert.equal(claw.rule, 'pay.clawback');
  assert.deepEqual(claw.sources.payments, [ids.refund]);
  assert.match(claw.explanation, new RegExp(`成交 #${ids.bigDeal}，${M1}`));
  assert.equal(vet.gross_fen, 75000 + 24000 + 16000);
  // The cap: 20% of 1,150 = 230 deducted, 1,550 held over.
  assert.deepEqual([vet.deductions_fen, vet.held_over_fen, vet.net_fen], [23000, 155000, 92000]);
  assert.equal(vet.lines.reduce((a, l) => a + l.amount_fen, 0), vet.net_fen);
});

test('the manager\'s exception keeps a clerk the probation rule would eliminate; a closed month takes none', async () => {
  assert.equal((await post('liqiang', '/api/v1/pay/probation-exceptions', { user_id: ids.newbie2, month: M2, reason: '态度好' })).status, 403);
  assert.equal((await post('zhaomin', '/api/v1/pay/probation-exceptions', { user_id: ids.newbie2, month: M2, reason: ' ' })).json.error.details.field, 'reason');
  assert.equal((await post('zhaomin', '/api/v1/pay/probation-exceptions', { user_id: 999999, month: M2, reason: '态度好' })).status, 404);
  const granted = await post('zhaomin', '/api/v1/pay/probation-exceptions', { user_id: ids.newbie2, month: M2, reason: '客户反馈好，再给机会' });
  assert.equal(granted.status, 201, JSON.stringify(granted.json));
  assert.equal((await post('zhaomin', '/api/v1/pay/probation-exceptions', { user_id: ids.newbie2, month: M2, reason: '再次' })).status, 409);
  await run(M2);
  const n2 = await statementOf(M2, 'newbie2');
  assert.equal(n2.status_next_month, 'regular', n2.status_why);
  assert.match(n2.status_why, /exception/);
  assert.equal(n2.exception.reason, '客户反馈好，再给机会');
  assert.equal((await post('zhaomin', `/api/v1/payroll/${M1}/close`)).status, 200);
  const late = await post('zhaomin', '/api/v1/pay/probation-exceptions', { user_id: ids.newbie1, month: M1, reason: '补批' });
  assert.deepEqual([late.status, late.json.error.code], [409, 'payroll.closed']);
});

test('month 3: regular base for those who passed, and the balance held back comes back as a deduction, never lost', async () => {
  await run(M3);
  const n1 = await statementOf(M3, 'newbie1');
  assert.deepEqual([n1.employment_status, n1.lines[0].amount_fen], ['regular', 75000]);
  const vet = await statementOf(M3, 'veteran');
  const carried = vet.lines.find((l) => l.code === 'carried');
  assert.equal(carried.amount_fen, -155000, carried.explanation);
  assert.match(carried.explanation, new RegExp(M2));
  const m2 = await statementOf(M2, 'veteran');
  assert.deepEqual(carried.sources.statements, [m2.id]);
  // Whatever this month cannot take is held over again: deducted + held = what was asked.
  const asked = -vet.lines.filter((l) => ['fine', 'absence', 'claim_penalty', 'clawback', 'carried'].includes(l.code)).reduce((a, l) => a + l.amount_fen, 0);
  assert.equal(vet.deductions_fen + vet.held_over_fen, asked);
  assert.equal(vet.lines.reduce((a, l) => a + l.amount_fen, 0), vet.net_fen);
});

test('a what-if runs a closed-over month under a draft policy and shows each change, touching nothing', async () => {
  // The draft lets deductions take 30% of a month's wage instead of 20%.
  const text = readFileSync(preset('seed-001'), 'utf8').replace('deduction_cap_percent = 20', 'deduction_cap_percent = 30');
  assert.notEqual(text, readFileSync(preset('seed-001'), 'utf8'));
  const draft = await post('zhaomin', '/api/v1/policies', { text, note: '扣款上限 30%' });
  assert.equal(draft.status, 201, JSON.stringify(draft.json));
  const before = await statementOf(M2, 'veteran');
  const whatif = (who, body) => post(who, `/api/v1/payroll/${M2}/whatif`, body);
  assert.equal((await whatif('liqiang', { policy_id: draft.json.id })).status, 403);
  assert.equal((await whatif('zhaomin', {})).json.error.details.field, 'policy_id');
  assert.equal((await whatif('zhaomin', { policy_id: draft.json.id, policy_text: text })).json.error.details.field, 'policy_text');
  const broken = await whatif('zhaomin', { policy_text: text.replace('method = "marginal"', 'method = "stepped"') });
  assert.deepEqual([broken.status, broken.json.error.code], [400, 'policy.invalid']);
  assert.ok(broken.json.error.details.problems[0].line > 0);
  const r = await whatif('zhaomin', { policy_id: draft.json.id });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.against, 'statements');
  const vet = r.json.people.find((p) => p.user_id === ids.veteran);
  // The clawback of 1,780 against a gross of 1,150: the cap takes 345 instead of 230, 1,435 is held over.
  assert.deepEqual(vet.lines, [{ code: 'held_over', rule: 'pay.deduction_cap_percent', before_fen: 155000, after_fen: 143500, difference_fen: -11500 }]);
  assert.deepEqual([vet.before_net_fen, vet.after_net_fen], [92000, 80500]);
  assert.equal(vet.difference_fen, vet.after_net_fen - vet.before_net_fen);
  assert.equal(vet.before_net_fen, before.net_fen);
  assert.equal(r.json.difference_fen, r.json.people.reduce((a, p) => a + p.difference_fen, 0));
  assert.ok(r.json.people.filter((p) => p.lines.length === 0).every((p) => p.difference_fen === 0), 'no line changes, no difference');
  assert.deepEqual(await statementOf(M2, 'veteran'), before, 'the month is untouched');
  assert.equal((await api(srv.base, 'GET', `/api/v1/payroll/${M2}`, { token: t.zhaomin })).json.status, 'draft');
});

test('an employee questions a line of a closed month; the manager accepts it and the next open month pays the adjustment once', async () => {
  const m1 = await statementOf(M1, 'veteran');
  const raise = (who, id, body) => post(who, `/api/v1/payroll/statements/${id}/inquiries`, body);
  assert.equal((await raise('newbie1', m1.id, { line: 2, reason: '不是我的' })).status, 404, 'only one\'s own statement');
  assert.equal((await raise('veteran', m1.id, { line: 99, reason: '?' })).json.error.details.field, 'line');
  assert.equal((await raise('veteran', m1.id, { line: 2, reason: '  ' })).json.error.details.field, 'reason');
  const asked = await raise('veteran', m1.id, { line: 2, expected_fen: 30000, reason: '第二档应按 3.75% 的特批比例' });
  assert.equal(asked.status, 201, JSON.stringify(asked.json));
  assert.deepEqual([asked.json.line_code, asked.json.line_rule, asked.json.line_amount_fen, asked.json.status], ['commission', 'pay.plan.agent.commission[1].bands[2]', 24000, 'open']);
  const list = async (who, status = 'open') => (await api(srv.base, 'GET', `/api/v1/payroll/inquiries?status=${status}`, { token: t[who] })).json.items;
  assert.deepEqual((await list('newbie1')).map((i) => i.id), [], 'others\' inquiries are not listed');
  assert.ok((await list('zhaomin')).some((i) => i.id === asked.json.id && i.name === 'veteran'));
  assert.equal((await api(srv.base, 'GET', '/api/v1/payroll/inquiries?status=maybe', { token: t.zhaomin })).json.error.details.field, 'status');

  const answer = (who, body) => post(who, `/api/v1/payroll/inquiries/${asked.json.id}/answer`, body);
  assert.equal((await answer('liqiang', { decision: 'accepted', answer: '同意', adjustment_fen: 6000 })).status, 403);
  assert.equal((await answer('zhaomin', { decision: 'accepted', answer: '同意' })).json.error.details.field, 'adjustment_fen');
  assert.equal((await answer('zhaomin', { decision: 'maybe', answer: '再议' })).json.error.details.field, 'decision');
  const accepted = await answer('zhaomin', { decision: 'accepted', answer: '特批比例属实，补发 60 元', adjustment_fen: 6000 });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.json));
  assert.equal(accepted.json.status, 'accepted');
  assert.equal((await answer('zhaomin', { decision: 'rejected', answer: '改主意' })).status, 409);

  // M1 is closed and stays as it was, its history showing the inquiry; the open M2 pays the adjustment.
  const m1After = await statementOf(M1, 'veteran');
  assert.deepEqual(m1After.lines, m1.lines);
  assert.deepEqual(m1After.inquiries.map((i) => [i.status, i.adjustment_fen]), [['accepted', 6000]]);
  await run(M2);
  const m2 = await statementOf(M2, 'veteran');
  const adj = m2.lines.find((l) => l.code === 'adjustment');
  assert.equal(adj.amount_fen, 6000);
  assert.equal(adj.rule, 'pay.plan.agent.commission[1].bands[2]');
  assert.match(adj.explanation, new RegExp(`corrects ${M1} commission`));
  assert.deepEqual(adj.sources.inquiries, [asked.json.id]);
  assert.equal(m2.lines.reduce((a, l) => a + l.amount_fen, 0), m2.net_fen);
  // Closing M2 marks it paid: M3 no longer carries it.
  assert.equal((await post('zhaomin', `/api/v1/payroll/${M2}/close`)).status, 200);
  assert.equal((await list('veteran', 'accepted'))[0].paid_month, M2);
  await run(M3);
  assert.ok(!(await statementOf(M3, 'veteran')).lines.some((l) => l.code === 'adjustment'));
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=pay_inquiry.answer', { token: t.admin })).json.items;
  assert.equal(audit.length, 1);
});

test('month to date: one\'s own pay if the month ended today, computed and never stored', async () => {
  const mtd = await api(srv.base, 'GET', '/api/v1/payroll/month-to-date', { token: t.veteran });
  assert.equal(mtd.status, 200, JSON.stringify(mtd.json));
  assert.equal(mtd.json.as_of, today);
  const s = mtd.json.statement;
  assert.equal(s.user_id, ids.veteran);
  assert.equal(s.month, M3);
  // The draft of this month was run from the same records: the same lines.
  const stored = await statementOf(M3, 'veteran');
  assert.deepEqual(s.lines.map((l) => [l.code, l.amount_fen]), stored.lines.map((l) => [l.code, l.amount_fen]));
  assert.equal(s.net_fen, stored.net_fen);
  assert.equal(s.lines.reduce((a, l) => a + l.amount_fen, 0), s.net_fen);
  assert.deepEqual(await statementOf(M3, 'veteran'), stored, 'nothing written');
  // Someone whose role has no plan has no month to date.
  assert.equal((await api(srv.base, 'GET', '/api/v1/payroll/month-to-date', { token: t.admin })).json.statement, null);
});
