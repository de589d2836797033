// Work reports (issue 15, seed 001 §5): the weekly report with its figures filled in, sent to the direct supervisor
// and copied to the assistant, due Saturday 22:00; the day's close fines a late or missing one 50 yuan, half into the
// team's activity fund; supervisors answer every report and a question may stay open; managers spend the fund; a
// withdrawn fine gives the fund's share back. Scope holds on every path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, cli, preset, login, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

const plus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
function nextMonday() {
  const d = new Date(Date.now() + 8 * 3600000 + 7 * 86400000);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
// ISO 8601 week name of a Monday: the week's Thursday decides the year.
function isoWeek(monday) {
  const thu = new Date(Date.parse(`${plus(monday, 3)}T00:00:00Z`));
  const jan1 = Date.UTC(thu.getUTCFullYear(), 0, 1);
  const week = Math.floor((thu - jan1) / 86400000 / 7) + 1;
  return `${thu.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
const monday = nextMonday();
const saturday = plus(monday, 5);
const week = isoWeek(monday);
const at = (day, hm) => `${day}T${hm}:00+08:00`;

let dir, srv, t = {}, ids = {}, names = {}, teams = {};
before(async () => {
  dir = freshData({ demo: true });
  const applied = cli(dir, ['policy', 'apply', preset('seed-001')]);
  assert.equal(applied.status, 0, applied.stderr);
  process.env.WAIHU_TEST_CLOCK = '1';
  srv = await startServer(dir, ['--test-clock']);
  delete process.env.WAIHU_TEST_CLOCK;
  await signIn(at(plus(monday, 2), '10:00'));
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: t.admin })).json.items)
    [ids[u.username], names[u.username], teams[u.username]] = [u.id, u.display_name, u.team_id];
});
after(async () => { await srv.stop(); cleanup(dir); });

async function signIn(now) {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'POST', '/api/v1/test/clock', { token: admin, body: { now } })).status, 200);
  t.admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  for (const name of ['agent01', 'agent02', 'agent03', 'agent11', 'liqiang', 'zhaomin', 'zhouyan', 'sunli'])
    t[name] = await login(srv.base, name, DEMO_PASSWORD);
}
const send = (who, body) => api(srv.base, 'POST', '/api/v1/reports', { token: t[who], body });
const list = (who, q) => api(srv.base, 'GET', `/api/v1/reports?${q}`, { token: t[who] });
const weekly = { kind: 'weekly', period: week, summary: '本周拨打 600 通，新增 A 类 2 家', plan: '下周跟进 A 类客户签约', questions: '' };
const sent = {};

test('the form: the current week, its deadline, the figures so far, to the supervisor and cc the assistant', async () => {
  const d = await api(srv.base, 'GET', '/api/v1/reports/draft?kind=weekly', { token: t.agent01 });
  assert.equal(d.status, 200, JSON.stringify(d.json));
  assert.deepEqual([d.json.period, d.json.from, d.json.to], [week, monday, plus(monday, 6)]);
  assert.deepEqual(d.json.due, { due_on: saturday, due_at: `${saturday}T14:00:00Z` }, 'Saturday 22:00 in Shanghai');
  assert.equal(d.json.to_name, names.liqiang);
  assert.equal(d.json.cc_name, names.zhouyan);
  for (const k of ['dials', 'effective_calls', 'talk_minutes', 'new_customers', 'revenue_fen']) assert.equal(typeof d.json.figures[k], 'number', k);
  assert.equal(d.json.sent_id, null);
  const monthly = await api(srv.base, 'GET', '/api/v1/reports/draft?kind=monthly', { token: t.agent01 });
  const lastMonth = new Date(Date.parse(`${plus(monday, 2).slice(0, 7)}-01T00:00:00Z`) - 86400000).toISOString().slice(0, 7);
  assert.equal(monthly.json.period, lastMonth, 'the monthly report covers the month before');
  for (const [q, field] of [['kind=daily', 'kind'], ['kind=weekly&period=2026-W99', 'period'], ['kind=weekly&period=' + isoWeek(plus(monday, 14)), 'period'], ['', 'kind']]) {
    const bad = await api(srv.base, 'GET', `/api/v1/reports/draft?${q}`, { token: t.agent01 });
    assert.equal(bad.status, 400, q);
    assert.equal(bad.json.error.details.field, field, q);
  }
});

test('sending: once per period, the plan required, by roles the policy names; wrong input named by field', async () => {
  for (const [body, field] of [[{ ...weekly, plan: '' }, 'plan'], [{ ...weekly, summary: ' ' }, 'summary'], [{ ...weekly, period: 'next' }, 'period'],
    [{ ...weekly, summary: 'x'.repeat(10001) }, 'summary'], [{ ...weekly, kind: 'yearly' }, 'kind']]) {
    const r = await send('agent01', body);
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
    assert.equal(r.json.error.details.field, field);
  }
  assert.equal((await send('liqiang', weekly)).status, 403, 'seed 001 asks reports of the business staff');
  const r = await send('agent01', weekly);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.deepEqual([r.json.standing, r.json.reply_state, r.json.to_name, r.json.cc_name], ['on_time', 'unanswered', names.liqiang, names.zhouyan]);
  assert.equal(typeof r.json.figures.dials, 'number', 'the figures as they stood when sent');
  sent.a1 = r.json.id;
  assert.equal((await send('agent01', weekly)).status, 409, 'a period is reported once');
  assert.equal((await api(srv.base, 'GET', '/api/v1/reports/draft?kind=weekly', { token: t.agent01 })).json.sent_id, sent.a1);
  sent.a11 = (await send('agent11', { ...weekly, questions: '新客户资料什么时候下发？' })).json.id;
  // agent02 sends a minute after the deadline; agent03 never does.
  await signIn(at(saturday, '22:01'));
  const late = await send('agent02', weekly);
  assert.equal(late.json.standing, 'late');
  sent.a2 = late.json.id;
});

test('who reads what: the writer, the supervisors and managers above, the assistant copied; nobody else', async () => {
  const path = (id) => `/api/v1/reports/${id}`;
  assert.equal((await api(srv.base, 'GET', path(sent.a1), { token: t.agent02 })).status, 404);
  assert.equal((await api(srv.base, 'GET', path(sent.a1), { token: t.sunli })).status, 404, 'QA is not copied');
  assert.equal((await api(srv.base, 'GET', path(sent.a11), { token: t.liqiang })).status, 404, 'another group\'s report');
  for (const who of ['agent01', 'liqiang', 'zhaomin', 'zhouyan']) assert.equal((await api(srv.base, 'GET', path(sent.a1), { token: t[who] })).status, 200, who);
  const inbox = (await list('liqiang', 'view=inbox')).json;
  assert.deepEqual(inbox.items.map((r) => r.id), [sent.a1, sent.a2], 'oldest first, own group only');
  assert.ok(inbox.items[0].age_seconds > 0);
  const managers = (await list('zhaomin', 'view=inbox')).json.items.map((r) => r.id);
  assert.deepEqual(managers, [sent.a1, sent.a11, sent.a2], 'the manager sees what waits below');
  assert.equal((await list('agent01', 'view=inbox')).status, 403);
  assert.deepEqual((await list('agent01', 'view=mine')).json.items.map((r) => r.id), [sent.a1]);
  assert.equal((await list('zhouyan', 'view=team')).json.items.length, 3, 'copied to the assistant');
  const first = (await list('zhouyan', 'view=team&limit=2')).json;
  assert.equal(first.items.length, 2);
  assert.ok(first.next_cursor, 'an assistant\'s list pages like any other');
  assert.equal((await list('zhouyan', `view=team&limit=2&cursor=${first.next_cursor}`)).json.items.length, 1);
  assert.equal((await list('sunli', 'view=team')).status, 403);
  assert.equal((await list('liqiang', 'view=inbox&kind=yearly')).status, 400);
});

test('replies: a question left open stays in the inbox until it is answered; nobody answers their own or another group\'s', async () => {
  const reply = (who, id, body) => api(srv.base, 'POST', `/api/v1/reports/${id}/replies`, { token: t[who], body });
  assert.equal((await reply('agent01', sent.a1, { body: '自评' })).status, 403);
  assert.equal((await reply('liqiang', sent.a11, { body: '越权' })).status, 404);
  assert.equal((await reply('liqiang', sent.a1, { body: '' })).json.error.details.field, 'body');
  const first = await reply('zhaomin', sent.a11, { body: '资料周一下发，具体时间待定', question_open: true });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  assert.equal(first.json.reply_state, 'question_open');
  assert.ok((await list('zhaomin', 'view=inbox')).json.items.some((r) => r.id === sent.a11), 'an open question stays listed');
  const second = await reply('zhaomin', sent.a11, { body: '周一上午 10 点下发' });
  assert.equal(second.json.reply_state, 'answered');
  assert.deepEqual(second.json.replies.map((r) => [r.user_name, r.question_open]), [[names.zhaomin, true], [names.zhaomin, false]]);
  assert.equal((await reply('liqiang', sent.a1, { body: '很好，继续保持' })).json.reply_state, 'answered');
  assert.deepEqual((await list('liqiang', 'view=inbox')).json.items.map((r) => r.id), [sent.a2]);
});

let fundTeam, fineEntry;
test('Saturday closes: late and missing reports fined 50 yuan, half into the team\'s fund; on time costs nothing', async () => {
  await signIn(at(plus(saturday, 1), '09:00'));
  const closed = await api(srv.base, 'POST', '/api/v1/discipline/close', { token: t.zhaomin, body: { date: saturday } });
  assert.equal(closed.status, 200, JSON.stringify(closed.json));
  const month = saturday.slice(0, 7);
  const ledger = async (who) => (await api(srv.base, 'GET', `/api/v1/discipline/ledger?month=${month}&user_id=${ids[who]}`, { token: t.zhaomin })).json.items.filter((e) => e.rule === 'reports.weekly');
  assert.deepEqual(await ledger('agent01'), []);
  const late = await ledger('agent02');
  assert.deepEqual(late.map((e) => [e.item, e.fine_fen, e.fund_fen, e.date]), [['report_missing', 5000, 2500, saturday]]);
  assert.match(late[0].evidence, /迟交/);
  const missing = await ledger('agent03');
  assert.deepEqual(missing.map((e) => [e.fine_fen, e.fund_fen]), [[5000, 2500]]);
  assert.match(missing[0].evidence, /未提交/);
  fineEntry = late[0].id;
  fundTeam = teams.agent02;
  const fund = (await api(srv.base, 'GET', `/api/v1/discipline/fund?team_id=${fundTeam}`, { token: t.zhaomin })).json;
  const team = fund.teams.find((x) => x.team_id === fundTeam);
  // Everyone in the group but agent01 and agent02's late one sent nothing: each pays 25 yuan in.
  assert.equal(team.balance_fen, fund.items.reduce((s, r) => s + r.amount_fen, 0));
  assert.ok(fund.items.some((r) => r.entry_id === fineEntry && r.amount_fen === 2500));
  assert.equal((await api(srv.base, 'POST', '/api/v1/discipline/close', { token: t.zhaomin, body: { date: saturday } })).json.closed_now, false, 'closing again changes nothing');
  assert.equal((await api(srv.base, 'GET', `/api/v1/discipline/fund?team_id=${fundTeam}`, { token: t.zhaomin })).json.teams.find((x) => x.team_id === fundTeam).balance_fen, team.balance_fen);
});

test('the fund: supervisors read their own, managers spend within the balance; a withdrawn fine gives its share back', async () => {
  const balance = async () => (await api(srv.base, 'GET', `/api/v1/discipline/fund?team_id=${fundTeam}`, { token: t.zhaomin })).json.teams.find((x) => x.team_id === fundTeam).balance_fen;
  const before = await balance();
  assert.ok(before >= 5000);
  assert.equal((await api(srv.base, 'GET', '/api/v1/discipline/fund', { token: t.agent01 })).status, 403);
  const own = (await api(srv.base, 'GET', '/api/v1/discipline/fund', { token: t.liqiang })).json.teams.map((x) => x.team_id);
  assert.deepEqual(own, [teams.liqiang], 'a supervisor sees their group only');
  assert.equal((await api(srv.base, 'GET', `/api/v1/discipline/fund?team_id=${teams.agent11}`, { token: t.liqiang })).status, 404);
  const spend = (who, body) => api(srv.base, 'POST', '/api/v1/discipline/fund', { token: t[who], body });
  assert.equal((await spend('liqiang', { team_id: fundTeam, amount_fen: 1000, reason: '下午茶' })).status, 403);
  for (const [body, field] of [[{ team_id: fundTeam, amount_fen: -5, reason: '下午茶' }, 'amount_fen'], [{ team_id: fundTeam, amount_fen: before + 1, reason: '聚餐' }, 'amount_fen'],
    [{ team_id: fundTeam, amount_fen: 1000, reason: '' }, 'reason'], [{ team_id: 999999, amount_fen: 1000, reason: '聚餐' }, 'team_id'], [{ amount_fen: 1, reason: 'x' }, 'team_id']]) {
    const r = await spend('zhaomin', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field);
  }
  const spent = await spend('zhaomin', { team_id: fundTeam, amount_fen: 1000, reason: '团队下午茶' });
  assert.equal(spent.status, 201, JSON.stringify(spent.json));
  assert.deepEqual([spent.json.items[0].amount_fen, spent.json.items[0].reason, spent.json.items[0].entered_by_name], [-1000, '团队下午茶', names.zhaomin]);
  assert.equal(await balance(), before - 1000);

  // agent02 had a good reason (无正当理由 is what is fined): the objection is withdrawn and the share goes back.
  const objected = await api(srv.base, 'POST', `/api/v1/discipline/entries/${fineEntry}/objection`, { token: t.agent02, body: { reason: '周六加班陪客户，22:00 前无法上网' } });
  assert.equal(objected.status, 201, JSON.stringify(objected.json));
  const withdrawn = await api(srv.base, 'POST', `/api/v1/discipline/objections/${fineEntry}/decision`, { token: t.zhaomin, body: { decision: 'withdrawn', note: '陪客户属正当理由' } });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.json));
  assert.equal(await balance(), before - 1000 - 2500);
  const rows = (await api(srv.base, 'GET', `/api/v1/discipline/fund?team_id=${fundTeam}`, { token: t.zhaomin })).json.items;
  assert.equal(rows[0].amount_fen, -2500);
  assert.match(rows[0].reason, new RegExp(`#${fineEntry}`));
});

test('the rule book states the reports section as the policy reads', async () => {
  const current = await api(srv.base, 'GET', '/api/v1/policies/current', { token: t.agent01 });
  assert.equal(current.status, 200);
  const text = JSON.stringify(current.json);
  assert.ok(text.includes('每周周六 22:00 前提交'), 'the weekly deadline');
  assert.ok(text.includes('50% 计入部门活动经费'), 'the fund\'s share');
});

test('waihu close week: a week that is over closes day by day, named by a day or its ISO name; one to come is refused', async () => {
  const ahead = cli(dir, ['close', 'week', week]);
  assert.notEqual(ahead.status, 0);
  assert.match(ahead.stderr, /closes once it is over/);
  assert.notEqual(cli(dir, ['close', 'week', '2026-W99']).status, 0);
  const past = cli(dir, ['close', 'week', '2026-W40']);
  assert.equal(past.status, 0, past.stderr);
  const lines = past.stdout.trim().split('\n');
  assert.equal(lines.length, 7, past.stdout);
  assert.match(lines[0], /^2026-09-28: closed/);
  assert.match(lines[5], /^2026-10-03: .*ledger entries/, 'Saturday judged the weekly reports');
  assert.match(cli(dir, ['close', 'week', '2026-10-01']).stdout, /closed before; nothing changed/);
});

test('the desk\'s "what is due": each kind the policy asks of the role, for its current period, and whether it was sent', async () => {
  const due = await api(srv.base, 'GET', '/api/v1/reports/due', { token: t.agent01 });
  assert.equal(due.status, 200, JSON.stringify(due.json));
  assert.deepEqual(due.json.items.map((d) => d.kind), ['weekly', 'monthly']);
  for (const d of due.json.items) {
    const draft = (await api(srv.base, 'GET', `/api/v1/reports/draft?kind=${d.kind}`, { token: t.agent01 })).json;
    assert.deepEqual([d.period, d.due, d.sent_id], [draft.period, draft.due, draft.sent_id], d.kind);
  }
  const sentWeekly = (await list('agent01', 'view=mine&kind=weekly')).json.items.find((r) => r.period === due.json.items[0].period);
  assert.equal(due.json.items[0].sent_id, sentWeekly ? sentWeekly.id : null);
  // Managers write no reports under seed 001's roles: nothing is due.
  assert.deepEqual((await api(srv.base, 'GET', '/api/v1/reports/due', { token: t.zhaomin })).json.items, []);
});
