// Payroll months over real HTTP (issue 16), seed 001's pay plans on the demo company: managers set team targets
// (history kept), a run refuses a plan that lacks a fact (every team target missing, named), computes every
// statement from the month's deals — the seed's two worked examples exactly, a clerk's proxy share and base cut — and
// each reader sees what their scope allows; another's statement read by a manager is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, applyPreset, login, companyToday, monthBefore, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

// Last month (company time): a month that is over, so it can be closed at the end.
const today = companyToday();
const month = monthBefore(today);
const closedOn = `${month}-15`;
let dir, srv, t = {}, ids = {}, teams = {};
const PASSWORD = 'pay-test-2026';

before(async () => {
  dir = freshData({ demo: true });
  // Seed 001 in force from the start of the year (the preset's own date).
  applyPreset(dir, 'seed-001');
  srv = await startServer(dir);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['zhaomin', 'liqiang', 'agent01']) t[name] = await login(srv.base, name, DEMO_PASSWORD);
  for (const x of (await api(srv.base, 'GET', '/api/v1/teams', { token: t.admin })).json.items) teams[x.name] = x.id;
  // A group of our own under the department: two clerks and a field rep, regular, with known deals.
  const group = await api(srv.base, 'POST', '/api/v1/teams', { token: t.admin, body: { name: '薪酬测试组', parent_id: teams['电销部'] } });
  assert.equal(group.status, 201, JSON.stringify(group.json));
  teams['薪酬测试组'] = group.json.id;
  for (const [username, role] of [['clerk1', 'agent'], ['clerk2', 'agent'], ['rep1', 'field_rep']]) {
    const u = await api(srv.base, 'POST', '/api/v1/users', {
      token: t.admin, body: { username, display_name: username, role, team_id: group.json.id, password: PASSWORD, employment_status: 'regular', hired_on: '2025-06-02' },
    });
    assert.equal(u.status, 201, JSON.stringify(u.json));
    ids[username] = u.json.id;
    t[username] = await login(srv.base, username, PASSWORD);
  }
  // Finance (财务): runs payroll and reads everyone's pay, and nothing of the customers.
  const fin = await api(srv.base, 'POST', '/api/v1/users', { token: t.admin, body: { username: 'finance1', display_name: '财务小周', role: 'finance', team_id: teams['电销部'], password: PASSWORD } });
  assert.equal(fin.status, 201, JSON.stringify(fin.json));
  t.finance1 = await login(srv.base, 'finance1', PASSWORD);
  const customer = async (who, n) => {
    const r = await api(srv.base, 'POST', '/api/v1/customers', { token: t[who], body: { company: `薪酬测试客户${n}有限公司`, phones: [`1395511${String(n).padStart(4, '0')}`] } });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json.id;
  };
  const deal = async (who, body) => {
    const r = await api(srv.base, 'POST', '/api/v1/deals', { token: t[who], body: { product: '网站建设', closed_on: closedOn, ...body } });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json.id;
  };
  ids.clerk1Customer = await customer('clerk1', 1);
  ids.clerk1Deal = await deal('clerk1', { customer_id: ids.clerk1Customer, amount_fen: 3200000 });
  ids.repDeal = await deal('rep1', { customer_id: await customer('rep1', 2), amount_fen: 2300000 });
  ids.proxyDeal = await deal('clerk2', { customer_id: await customer('clerk2', 3), amount_fen: 700000, sourcing: 'proxy', field_rep_id: ids.rep1 });
});
after(async () => {
  await srv?.stop();
  cleanup(dir);
});

const run = (who) => api(srv.base, 'POST', `/api/v1/payroll/${month}/run`, { token: t[who] });
const setTarget = (who, team, amount_fen, note) => api(srv.base, 'PUT', '/api/v1/pay/targets', { token: t[who], body: { team_id: teams[team], month, amount_fen, note } });
const statements = async (who) => (await api(srv.base, 'GET', `/api/v1/payroll/${month}/statements?limit=1000`, { token: t[who] })).json.items;
const statementOf = async (who, user) => {
  const row = (await statements('zhaomin')).find((s) => s.user_id === ids[user] || s.user_id === user);
  return api(srv.base, 'GET', `/api/v1/payroll/statements/${row.id}`, { token: t[who] });
};

test('a run names every team target the plans need and that is missing; nothing is written', async () => {
  const r = await run('zhaomin');
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'payroll.missing_facts');
  for (const team of ['电销部', '电销一组', '电销二组', '电销三组']) assert.ok(r.json.error.details.missing.some((m) => m.includes(team)), team);
  assert.equal((await api(srv.base, 'GET', `/api/v1/payroll/${month}`, { token: t.zhaomin })).json.status, 'not_run');
  assert.equal((await run('agent01')).status, 403);
  assert.equal((await api(srv.base, 'POST', '/api/v1/payroll/2026-13/run', { token: t.zhaomin })).json.error.details.field, 'month');
  assert.equal((await api(srv.base, 'POST', '/api/v1/payroll/2099-01/run', { token: t.zhaomin })).status, 400, 'not begun');
});

test('managers set team targets per month, each change kept; supervisors read them, agents do not', async () => {
  assert.equal((await setTarget('liqiang', '电销一组', 10000000)).status, 403);
  assert.equal((await setTarget('zhaomin', '电销一组', 0)).json.error.details.field, 'amount_fen');
  const first = await setTarget('zhaomin', '电销一组', 9000000, '初定');
  assert.equal(first.status, 200, JSON.stringify(first.json));
  const second = await setTarget('zhaomin', '电销一组', 10000000, '上调');
  assert.deepEqual([second.json.amount_fen, second.json.history.map((h) => h.amount_fen)], [10000000, [9000000, 10000000]]);
  for (const team of ['电销部', '电销二组', '电销三组']) assert.equal((await setTarget('zhaomin', team, 30000000)).status, 200);
  const seen = (await api(srv.base, 'GET', `/api/v1/pay/targets?month=${month}`, { token: t.liqiang })).json.items;
  assert.deepEqual(seen.map((x) => [x.team_name, x.amount_fen]), [['电销一组', 10000000]], 'a supervisor sees their own group');
  assert.equal((await api(srv.base, 'GET', `/api/v1/pay/targets?month=${month}`, { token: t.agent01 })).status, 403);
});

test('the run computes the seed\'s worked examples exactly, each line naming its clause and records', async () => {
  const r = await run('zhaomin');
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.status.status, 'draft');
  assert.ok(r.json.statements >= 30);
  // 32,000 all self-closed → 750 + 8,000×3% + 16,000×4%.
  const clerk1 = (await statementOf('zhaomin', 'clerk1')).json;
  assert.deepEqual(clerk1.lines.map((l) => [l.code, l.amount_fen, l.tier]), [['base', 75000, null], ['commission', 24000, 2], ['commission', 64000, 3]]);
  assert.equal(clerk1.gross_fen, 163000);
  assert.equal(clerk1.lines[1].rule, 'pay.plan.agent.commission[1].bands[2]');
  assert.match(clerk1.lines[2].explanation, /16,000\.00 × 4% = 640\.00/);
  assert.deepEqual(clerk1.lines[1].sources.deals, [ids.clerk1Deal]);
  // 23,000 self + 7,000 proxy → 750 + 7,000×3% + 11,000×4% + 7,000×1%.
  const rep = (await statementOf('zhaomin', 'rep1')).json;
  assert.deepEqual(rep.lines.map((l) => [l.code, l.amount_fen]), [['base', 75000], ['commission', 21000], ['commission', 44000], ['proxy_commission', 7000]]);
  assert.equal(rep.gross_fen, 147000);
  assert.deepEqual(rep.lines[3].sources.deals, [ids.proxyDeal]);
  // A clerk's only deal was visited by the rep: it counts toward her tiers (7,000: none) and baseline (the base cut
  // to 750 × 7,000 ÷ 8,000), and the 1% comes out of her commission — which is nothing, so nothing of it comes out
  // of her base (the rep's 70 above is the company's).
  const clerk2 = (await statementOf('zhaomin', 'clerk2')).json;
  assert.deepEqual(clerk2.lines.map((l) => [l.code, l.amount_fen]), [['base', 75000], ['baseline_cut', -9375], ['proxy_share', 0]]);
  assert.match(clerk2.lines[2].explanation, /以本月提成 0\.00 为限/);
  assert.equal(clerk2.net_fen, 65625);
  assert.equal(clerk2.lines[1].explanation, '750.00 × 7,000.00 ÷ 8,000.00 = 656.25');
  // The supervisor's team commission reads the group's target.
  const supervisor = (await statementOf('zhaomin', (await statements('liqiang')).find((s) => s.role === 'supervisor').user_id)).json;
  assert.match(supervisor.lines.find((l) => l.code === 'commission')?.explanation ?? '目标 100,000.00', /目标 100,000\.00/);
});

test('each reader sees what their scope allows; a manager reading another\'s statement is audited', async () => {
  const own = await statements('clerk1');
  assert.deepEqual(own.map((s) => s.user_id), [ids.clerk1]);
  const group = await statements('liqiang');
  assert.ok(group.length > 1 && group.every((s) => s.team_name === '电销一组'), JSON.stringify(group.map((s) => s.team_name)));
  const repRow = (await statements('zhaomin')).find((s) => s.user_id === ids.rep1);
  assert.equal((await api(srv.base, 'GET', `/api/v1/payroll/statements/${repRow.id}`, { token: t.clerk1 })).status, 404);
  assert.equal((await api(srv.base, 'GET', `/api/v1/payroll/statements/${repRow.id}`, { token: t.rep1 })).status, 200, 'one\'s own');
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=pay_statement.view', { token: t.admin })).json.items;
  assert.ok(audit.some((a) => a.entity_id === ids.rep1 && a.actor_username === 'zhaomin'), JSON.stringify(audit.slice(0, 2)));
  assert.ok(!audit.some((a) => a.actor_username === 'rep1'), 'reading one\'s own is not');
});

test('a line\'s records open by the ids it stored: the deal with its customer and seller, paged; out of scope is 404', async () => {
  const records = (who, statement, position, q = '') => api(srv.base, 'GET', `/api/v1/payroll/statements/${statement}/lines/${position}/records${q}`, { token: t[who] });
  const rep = (await statementOf('rep1', 'rep1')).json;
  const proxy = rep.lines.findIndex((l) => l.code === 'proxy_commission') + 1;
  const r = await records('rep1', rep.id, proxy);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.total, 1);
  assert.deepEqual(r.json.deals.map((d) => [d.id, d.amount_fen, d.sourcing, d.seller, d.field_rep, d.company]),
    [[ids.proxyDeal, 700000, 'proxy', 'clerk2', 'rep1', '薪酬测试客户3有限公司']]);
  assert.equal(r.json.next_cursor, null);
  // Base pay stands on no record; a line past the end is 404, a bad cursor 400 naming it.
  assert.equal((await records('rep1', rep.id, 1)).json.total, 0);
  assert.equal((await records('rep1', rep.id, 99)).json.error.code, 'statement.line_not_found');
  assert.equal((await records('rep1', rep.id, proxy, '?cursor=x')).json.error.details.field, 'cursor');
  assert.equal((await records('rep1', rep.id, 0)).status, 400);
  // Another's statement: the same 404 as the statement itself, and a manager's read is audited with the line.
  assert.equal((await records('clerk1', rep.id, proxy)).status, 404);
  assert.equal((await records('zhaomin', rep.id, proxy)).status, 200);
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=pay_statement.view', { token: t.admin })).json.items;
  assert.ok(audit.some((a) => a.actor_username === 'zhaomin' && a.after?.line === proxy), JSON.stringify(audit[0]));
  // The department manager's attainment line names every deal of the department: a page at a time, in full.
  const manager = (await statements('zhaomin')).find((s) => s.role === 'manager');
  const mine = (await api(srv.base, 'GET', `/api/v1/payroll/statements/${manager.id}`, { token: t.zhaomin })).json;
  const position = mine.lines.findIndex((l) => (l.sources.deals ?? []).length > 2) + 1;
  assert.ok(position > 0, JSON.stringify(mine.lines.map((l) => [l.code, l.sources])));
  const named = mine.lines[position - 1].sources.deals;
  const seen = [];
  let cursor = '';
  do {
    const page = (await records('zhaomin', manager.id, position, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json;
    assert.equal(page.total, named.length);
    assert.ok(page.deals.length <= 2);
    seen.push(...page.deals.map((d) => d.id));
    cursor = page.next_cursor;
  } while (cursor);
  assert.deepEqual([...seen].sort((a, b) => a - b), [...named].sort((a, b) => a - b));
});

test('finance reads every statement, runs and exports the month, sets no target and sees no customer\'s number', async () => {
  const seen = await statements('finance1');
  assert.ok(seen.length >= (await statements('zhaomin')).length, 'the whole company');
  assert.ok(seen.some((s) => s.team_name === '电销一组') && seen.some((s) => s.team_name === '薪酬测试组'));
  assert.equal((await statementOf('finance1', 'rep1')).status, 200);
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=pay_statement.view', { token: t.admin })).json.items;
  assert.ok(audit.some((a) => a.actor_username === 'finance1'));
  assert.equal((await setTarget('finance1', '电销一组', 12000000)).status, 403, 'targets are the managers\'');
  assert.equal((await api(srv.base, 'GET', `/api/v1/pay/targets?month=${month}`, { token: t.finance1 })).status, 200, 'but finance reads them');
  const me = (await api(srv.base, 'GET', '/api/v1/auth/me', { token: t.finance1 })).json;
  assert.equal(me.rights.run_payroll, true);
  assert.equal(me.rights.see_phone, false);
  assert.equal(me.rights.write_customers, false);
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${ids.clerk1Customer}`, { token: t.finance1 })).json;
  assert.ok(!JSON.stringify(customer).includes('13955110001'), 'the number is masked');
  assert.equal((await run('finance1')).status, 200);
});

test('every statement adds up: its lines sum to the net, the deductions within the cap, each ledger line on its entry', async () => {
  for (const row of await statements('zhaomin')) {
    const s = (await api(srv.base, 'GET', `/api/v1/payroll/statements/${row.id}`, { token: t.zhaomin })).json;
    const sum = s.lines.reduce((a, l) => a + l.amount_fen, 0);
    assert.equal(sum, s.net_fen, `${s.name}: lines ${sum} vs net ${s.net_fen}`);
    assert.equal(s.gross_fen - s.deductions_fen, s.net_fen);
    assert.ok(s.deductions_fen <= Math.round(s.gross_fen * 0.2), `${s.name}: within 20%`);
    for (const l of s.lines) {
      assert.ok(l.rule && l.explanation, JSON.stringify(l));
      if (['fine', 'bonus', 'absence'].includes(l.code)) assert.equal(l.sources.entries.length, 1);
    }
  }
});

test('a draft is recomputed on the next run from the records as they stand', async () => {
  const more = await api(srv.base, 'POST', '/api/v1/deals', { token: t.clerk1, body: { customer_id: ids.clerk1Customer, product: '网站建设', amount_fen: 100, closed_on: closedOn } });
  assert.equal(more.status, 201, JSON.stringify(more.json));
  assert.equal((await run('zhaomin')).status, 200);
  const clerk1 = (await statementOf('clerk1', 'clerk1')).json;
  assert.deepEqual(clerk1.lines.map((l) => l.amount_fen), [75000, 24000, 64000, 5], '32,001 yuan: 1 yuan at 5%');
});

test('the month exports as statements or line by line, for whom the reader may see; every export audited', async () => {
  const exp = (who, q) => api(srv.base, 'GET', `/api/v1/payroll/${month}/export${q}`, { token: t[who] });
  const all = await statements('zhaomin');
  const summary = await exp('zhaomin', '');
  assert.equal(summary.status, 200);
  assert.match(summary.headers.get('content-disposition'), new RegExp(`filename="pay-${month}\\.csv"`));
  const rows = summary.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(rows[0], /^\ufeff工资单编号,员工,登录名,小组,岗位,月份,本月身份,应发,扣款,实发,结转下月,下月身份,制度版本/);
  assert.equal(rows.length - 1, all.length);
  const clerk1 = all.find((s) => s.user_id === ids.clerk1);
  assert.ok(rows.some((r) => r.startsWith(`${clerk1.id},clerk1,clerk1,薪酬测试组,agent,${month},regular,${(clerk1.gross_fen / 100).toFixed(2)}`)), rows.find((r) => r.includes('clerk1')));
  // An agent's export holds their own lines only.
  const own = (await exp('clerk1', '?view=lines&lang=en')).buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(own[0], /^\ufeffStatement,Employee,Login,Team,Role,Month,Status,Line,Code,Item,Amount,Basis,Rate \(%\),Band,Clause,Explanation,Records/);
  const mine = (await statementOf('clerk1', 'clerk1')).json;
  assert.equal(own.length - 1, mine.lines.length);
  assert.ok(own.slice(1).every((r) => r.split(',')[2] === 'clerk1'));
  assert.equal((await exp('zhaomin', '?view=people')).json.error.details.field, 'view');
  const xlsx = await exp('zhaomin', '?format=xlsx&view=lines');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.buf.subarray(0, 2).toString(), 'PK', 'a zip (xlsx)');
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=pay_statement.export', { token: t.admin })).json.items;
  assert.deepEqual(audit.map((a) => a.actor_username).sort(), ['clerk1', 'zhaomin', 'zhaomin']);
});

test('closing a month keeps it as it was: a re-run and a new target are refused, the statements unchanged', async () => {
  const close = (who) => api(srv.base, 'POST', `/api/v1/payroll/${month}/close`, { token: t[who] });
  assert.equal((await api(srv.base, 'POST', '/api/v1/payroll/2026-01/close', { token: t.zhaomin })).json.error.code, 'payroll.not_run');
  const current = today.slice(0, 7);
  assert.equal((await api(srv.base, 'POST', `/api/v1/payroll/${current}/close`, { token: t.zhaomin })).json.error?.details?.field, 'month', 'not over');
  assert.equal((await close('liqiang')).status, 403);
  const before = (await statementOf('zhaomin', 'clerk1')).json;
  const closed = await close('zhaomin');
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  assert.equal(closed.json.status, 'closed');
  assert.equal((await close('zhaomin')).status, 409);
  const rerun = await run('zhaomin');
  assert.deepEqual([rerun.status, rerun.json.error.code], [409, 'payroll.closed']);
  assert.equal((await setTarget('zhaomin', '电销一组', 20000000)).status, 409);
  const after = (await statementOf('zhaomin', 'clerk1')).json;
  assert.deepEqual(after, { ...before, month_status: 'closed' });
  const audit = (await api(srv.base, 'GET', '/api/v1/audit?action=payroll.close', { token: t.admin })).json.items;
  assert.equal(audit.length, 1);
});

