// The floor's figures (issues 13, 14): the daily sales sheet (per agent, from the metric layer) equal to every call in scope,
// the agent's desk (today beside yesterday, follow-ups due and overdue, callbacks in time order), typed talk
// time only as an audited correction, and people and customers by name wherever records name them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, cleanup, demoCast, sql, cli } from './helpers.mjs';
import { xlsxRows } from './xlsx.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, qa, ids;
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  ({ admin, agent01, agent11, supervisor1, qa, ids } = await demoCast(srv.base));
});
after(async () => { await srv.stop(); cleanup(dir); });

const chinaDate = (ms) => new Date(ms + 8 * 3600000).toISOString().slice(0, 10);
// The latest working day before today (Monday to Saturday), in China time: the demo floor worked it.
function lastWorkingDay() {
  let day = new Date(Date.now() + 8 * 3600000 - 86400000);
  if (day.getUTCDay() === 0) day = new Date(day.getTime() - 86400000);
  return day.toISOString().slice(0, 10);
}
async function allCalls(token, query) {
  const out = [];
  let cursor = '';
  do {
    const r = await api(srv.base, 'GET', `/api/v1/calls?${query}&limit=1000${cursor ? '&cursor=' + cursor : ''}`, { token });
    assert.equal(r.status, 200);
    out.push(...r.json.items);
    cursor = r.json.next_cursor;
  } while (cursor);
  return out;
}

test('the daily sales sheet equals the calls themselves, for the supervisor\'s scope, with totals', async () => {
  const day = lastWorkingDay();
  const r = await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}`, { token: supervisor1 });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const calls = await allCalls(supervisor1, `day=${day}`);
  assert.ok(calls.length > 300, `${calls.length} calls: more than one page of the list`);
  const byAgent = new Map();
  for (const c of calls) {
    const a = byAgent.get(c.agent_id) ?? { dials: 0, connects: 0, effective: 0, talk: 0, first: c.started_at, last: c.started_at };
    a.dials++;
    if (c.answered_at) a.connects++;
    if (c.effective) a.effective++;
    a.talk += c.talk_seconds;
    if (c.started_at < a.first) a.first = c.started_at;
    if (c.started_at > a.last) a.last = c.started_at;
    byAgent.set(c.agent_id, a);
  }
  for (const row of r.json.items) {
    const a = byAgent.get(row.agent_id);
    const m = row.metrics;
    if (!a) {
      // Someone who may log calls but made none (the supervisor): a row of zeros.
      assert.deepEqual([m.dials, m.talk_seconds, row.first_call_at], [0, 0, null], row.agent_name);
      continue;
    }
    assert.deepEqual([m.dials, m.connects, m.effective_calls, m.talk_seconds, row.first_call_at, row.last_call_at],
      [a.dials, a.connects, a.effective, a.talk, a.first, a.last], row.agent_name);
    assert.ok(row.team_name, 'the sheet names the agent\'s team');
    assert.equal(row.connect_rate_bp, Math.round((a.connects * 10000) / a.dials));
    assert.ok(row.agent_name && row.username.startsWith('agent'));
  }
  assert.equal(r.json.items.filter((a) => a.metrics.dials > 0).length, byAgent.size, 'every agent with calls has a row');
  assert.equal(r.json.total.metrics.dials, calls.length);
  assert.equal(r.json.total.metrics.connects, calls.filter((c) => c.answered_at).length);
  assert.ok(r.json.policy_version > 0, 'the sheet names the policy version that counted it');
  const dials = r.json.items.map((a) => a.metrics.dials);
  assert.deepEqual(dials, [...dials].sort((x, y) => y - x), 'most dials first');
  // Another group's agents are not in a supervisor's table.
  assert.ok(!r.json.items.some((a) => a.agent_id === ids.agent11));
  const all = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}`, { token: admin })).json;
  assert.ok(all.items.some((a) => a.agent_id === ids.agent11));
  assert.ok(all.total.metrics.dials > r.json.total.metrics.dials);
  // An agent sees only their own row; QA (who logs no calls) has none of their own.
  const own = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}`, { token: agent01 })).json;
  assert.deepEqual(own.items.map((a) => a.agent_id), [ids.agent01]);
  // A team filter narrows the admin's table to that group.
  const team = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json.team_id;
  const group = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}&team_id=${team}`, { token: admin })).json;
  assert.equal(group.total.metrics.dials, r.json.total.metrics.dials);
  // A team outside a supervisor's scope is not found.
  const other = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent11}`, { token: admin })).json.team_id;
  assert.equal((await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}&team_id=${other}`, { token: supervisor1 })).status, 404);
});

test('agents without a call today still have a row (the supervisor looks for them); a bad period is refused', async () => {
  const far = '2001-03-05';
  const r = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${far}`, { token: supervisor1 })).json;
  assert.ok(r.items.length >= 5, 'the whole group is listed');
  assert.ok(r.items.every((a) => a.metrics.dials === 0 && a.first_call_at === null));
  assert.equal(r.total.connect_rate_bp, 0);
  for (const q of ['day=2026-02-30', 'day=yesterday', 'day=2026-01-01&from=2026-01-01']) {
    const bad = await api(srv.base, 'GET', `/api/v1/sheets/sales?${q}`, { token: admin });
    assert.equal(bad.status, 400, q);
  }
});

test('the daily sales sheet exports with totals as real numbers, named for the day; agents may not', async () => {
  const day = lastWorkingDay();
  const table = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}`, { token: supervisor1 })).json;
  const x = await api(srv.base, 'GET', `/api/v1/sheets/sales/export?day=${day}&format=xlsx&lang=en`, { token: supervisor1 });
  assert.equal(x.status, 200);
  assert.match(x.headers.get('content-disposition'), new RegExp(`daily-calling-sheet-${day}\\.xlsx`));
  const rows = xlsxRows(x.buf);
  const header = rows[0].map((c) => c.value);
  assert.equal(header[6], 'Dials');
  assert.equal(rows.length, table.items.length + 2, 'header, one row per agent, the total');
  const total = rows.at(-1);
  assert.equal(total[1].value, 'Total');
  assert.deepEqual([total[6].type, total[6].value], ['number', table.total.metrics.dials]);
  assert.equal(total[header.indexOf('Effective calls')].value, table.total.metrics.effective_calls);
  assert.equal(total[header.indexOf('Revenue (yuan)')].value, table.total.metrics.revenue_fen / 100, 'money in yuan');
  const csv = await api(srv.base, 'GET', `/api/v1/sheets/sales/export?day=${day}`, { token: supervisor1 });
  assert.match(csv.buf.toString("utf8"), /^\uFEFF日期,坐席,用户名,班组/);
  assert.equal((await api(srv.base, 'GET', `/api/v1/sheets/sales/export?day=${day}`, { token: agent01 })).status, 403);
});

test('waihu metrics sheet prints the same sheets: a team\'s as CSV, the customer sheet to Excel; an unknown team is named', async () => {
  const day = lastWorkingDay();
  const team = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json.team_id;
  const api_sheet = (await api(srv.base, 'GET', `/api/v1/sheets/sales?day=${day}&team_id=${team}`, { token: admin })).json;
  const name = (await api(srv.base, 'GET', '/api/v1/teams', { token: admin })).json.items.find((t) => t.id === team).name;
  const out = cli(dir, ['metrics', 'sheet', '--day', day, '--team', name]);
  assert.equal(out.status, 0, out.stderr);
  const lines = out.stdout.trim().split('\n');
  assert.equal(lines.length, api_sheet.items.length + 2, 'header, one line per agent, the total');
  const total = lines.at(-1).split(',');
  assert.equal(total[1], '合计');
  assert.equal(Number(total[6]), api_sheet.total.metrics.dials);
  assert.equal(Number(total[8]), api_sheet.total.metrics.effective_calls);
  const file = `${dir}/customers.xlsx`;
  const x = cli(dir, ['metrics', 'sheet', '--day', day, '--customers', '--xlsx', file, '--lang', 'en']);
  assert.equal(x.status, 0, x.stderr);
  assert.match(x.stdout, /wrote \d+ rows to/);
  const unknown = cli(dir, ['metrics', 'sheet', '--team', '没有这个组']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no team named/);
});

test('the daily customer sheet: each customer an agent called, its record, paged; phones masked as everywhere', async () => {
  const day = lastWorkingDay();
  const calls = (await allCalls(agent01, `day=${day}&agent_id=${ids.agent01}`)).filter((c) => c.customer_id);
  const expected = new Map();
  for (const c of calls) {
    const e = expected.get(c.customer_id) ?? { calls: 0, effective: 0, talk: 0 };
    e.calls++;
    if (c.effective) e.effective++;
    e.talk += c.talk_seconds;
    expected.set(c.customer_id, e);
  }
  assert.ok(expected.size > 3, 'the demo agent called several customers');
  // Paged by 3: every customer once, in agent then customer order.
  const rows = [];
  let cursor = '';
  do {
    const r = await api(srv.base, 'GET', `/api/v1/sheets/customers?day=${day}&limit=3${cursor ? '&cursor=' + cursor : ''}`, { token: agent01 });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.ok(r.json.items.length <= 3);
    rows.push(...r.json.items);
    cursor = r.json.next_cursor;
  } while (cursor);
  assert.deepEqual(rows.map((r) => r.customer_id), [...expected.keys()].sort((a, b) => a - b));
  for (const r of rows) {
    const e = expected.get(r.customer_id);
    assert.deepEqual([r.calls, r.effective_calls, r.talk_seconds], [e.calls, e.effective, e.talk], r.company);
    assert.equal(r.agent_id, ids.agent01);
    assert.ok(r.company && r.last_result);
  }
  // The agent's own customers show their numbers in full; QA sees the same rows masked.
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${rows[0].customer_id}`, { token: agent01 })).json;
  if (customer.owner_id === ids.agent01) assert.equal(rows[0].phone, customer.phones[0]);
  const seen = (await api(srv.base, 'GET', `/api/v1/sheets/customers?day=${day}&agent_id=${ids.agent01}&limit=1000`, { token: qa })).json;
  assert.ok(seen.items.length > 0, 'QA reads the sheet of its scope');
  assert.ok(seen.items.every((r) => r.phone.includes('*')), 'masked for QA');
  // A supervisor of another group does not see agent01's rows; a bad cursor is refused.
  const out = (await api(srv.base, 'GET', `/api/v1/sheets/customers?day=${day}&agent_id=${ids.agent11}`, { token: supervisor1 })).json;
  assert.equal(out.items.length, 0);
  assert.equal((await api(srv.base, 'GET', `/api/v1/sheets/customers?cursor=nonsense`, { token: admin })).status, 400);
  // The export: one row per customer under the seed's headers; agents may not export.
  const x = await api(srv.base, 'GET', `/api/v1/sheets/customers/export?day=${day}&agent_id=${ids.agent01}&format=xlsx`, { token: supervisor1 });
  assert.equal(x.status, 200);
  const sheet = xlsxRows(x.buf);
  assert.deepEqual(sheet[0].slice(2, 8).map((c) => c.value), ['客户名称', '联系人', '部门职务', '电话', '人数', '信息化现状']);
  assert.equal(sheet.length, rows.length + 1);
  assert.equal((await api(srv.base, 'GET', `/api/v1/sheets/customers/export?day=${day}`, { token: agent01 })).status, 403);
});

test('the desk: today and yesterday from the server, follow-ups due and overdue, callbacks in time order', async () => {
  const desk = await api(srv.base, 'GET', '/api/v1/desk', { token: agent01 });
  assert.equal(desk.status, 200);
  const d = desk.json;
  assert.equal(d.date, chinaDate(Date.now()));
  assert.equal(d.time_zone, 'Asia/Shanghai');
  // Preset A's daily quotas against today's figures: 120 effective calls and 25 worth following for a veteran
  // (80 and 15 interested for someone in their first 15 days), 5 yuan per unit short.
  const user = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json;
  const fresh = (Date.parse(d.date) - Date.parse(user.hired_on)) / 86400000 < 15;
  assert.deepEqual(d.targets.map((t) => [t.metric, t.target]),
    fresh ? [['effective_calls', 80], ['interested_customers', 15]] : [['effective_calls', 120], ['follow_up_worthy', 25]]);
  for (const t of d.targets) {
    assert.equal(t.actual, d.metrics[t.metric], t.metric);
    assert.equal(t.short, Math.max(0, t.target - t.actual));
    assert.equal(t.fine_fen, t.short * 500);
  }
  const today = await allCalls(agent01, `day=${d.date}&agent_id=${ids.agent01}`);
  assert.equal(d.today.dials, today.length);
  const yesterday = await allCalls(agent01, `day=${d.yesterday}&agent_id=${ids.agent01}`);
  assert.equal(d.previous_day.dials, yesterday.length);
  assert.equal(d.previous_day.connects, yesterday.filter((c) => c.answered_at).length);

  // The due list: own, open, due today or earlier, soonest first; its length is the desk's count.
  const due = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&due_by=${d.date}&open=true&sort=next_follow_up_on&limit=1000`, { token: agent01 });
  assert.equal(due.status, 200);
  assert.equal(due.json.items.length, d.due);
  assert.ok(d.due > 0, 'the demo floor has follow-ups due');
  const dates = due.json.items.map((c) => c.next_follow_up_on);
  assert.deepEqual(dates, [...dates].sort());
  assert.ok(due.json.items.every((c) => !['won', 'lost', 'invalid'].includes(c.status)));
  assert.equal(dates.filter((x) => x < d.date).length, d.overdue);
  // Paging a sorted due list loses nothing.
  const page1 = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&due_by=${d.date}&open=true&sort=next_follow_up_on&limit=3`, { token: agent01 });
  const page2 = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&due_by=${d.date}&open=true&sort=next_follow_up_on&limit=3&cursor=${page1.json.next_cursor}`, { token: agent01 });
  assert.deepEqual([...page1.json.items, ...page2.json.items].map((c) => c.id), due.json.items.slice(0, 6).map((c) => c.id));

  // A callback the customer asked for, this afternoon: logged with the call, on the desk in time order.
  const mine = due.json.items.find((c) => c.status !== 'won') ?? due.json.items[0];
  // Later today in Shanghai, whatever the hour the test runs at: halfway between now and the day's end.
  const at = new Date(Math.floor((Date.now() + Date.parse(d.day_end)) / 2 / 1000) * 1000);
  const startedAt = Date.now() - 120000;
  const logged = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01,
    body: { customer_id: mine.id, started_at: new Date(startedAt).toISOString(), answered_at: new Date(Date.now() - 100000).toISOString(),
      ended_at: new Date(Date.now() - 10000).toISOString(), result: 'callback_requested',
      follow_up: { content: '客户开会，约下午回电', callback_at: at.toISOString() } },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.json));
  assert.equal(logged.json.follow_up.callback_at, at.toISOString().slice(0, 19) + 'Z');
  assert.equal(logged.json.follow_up.next_follow_up_on, chinaDate(at.getTime()), 'the next follow-up is the callback\'s day');
  const after = (await api(srv.base, 'GET', '/api/v1/desk', { token: agent01 })).json;
  const dayEnd = after.day_end;
  const callbacks = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&callback_before=${dayEnd}&open=true&sort=callback_at&limit=1000`, { token: agent01 });
  assert.equal(callbacks.json.items.length, after.callbacks);
  assert.ok(callbacks.json.items.some((c) => c.id === mine.id));
  const times = callbacks.json.items.map((c) => c.callback_at);
  assert.deepEqual(times, [...times].sort());
  // Counted today unless it began before midnight (a run in the first minutes of the day).
  assert.equal(after.today.dials, d.today.dials + (startedAt >= Date.parse(d.day_start) ? 1 : 0));

  for (const [callback, why] of [[new Date(Date.now() - 60000).toISOString(), 'past'], [new Date(Date.now() + 400 * 86400000).toISOString(), 'too far'], ['明天下午', 'not a time']]) {
    const r = await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: mine.id, content: '回电', callback_at: callback } });
    assert.equal(r.status, 400, why);
    assert.equal(r.json.error.details.field, 'callback_at', why);
  }
});

test('typed talk time is a correction: refused without a reason, audited with it; timed calls need none', async () => {
  const c = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent01}&sort=id&limit=1`, { token: agent01 })).json.items[0];
  const started = new Date(Date.now() - 600000).toISOString();
  const count = () => Number(sql(dir, `SELECT COUNT(*) FROM calls WHERE customer_id = ${c.id}`).trim());
  const before = count();
  const bare = await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: { customer_id: c.id, started_at: started, result: 'connected', talk_seconds: 240 } });
  assert.equal(bare.status, 400);
  assert.equal(bare.json.error.details.field, 'talk_seconds_reason');
  assert.equal(count(), before, 'nothing written');
  const fixed = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: c.id, started_at: started, result: 'connected', talk_seconds: 240, talk_seconds_reason: '软电话断线，按通话记录补录' },
  });
  assert.equal(fixed.status, 201);
  const audit = (await api(srv.base, 'GET', `/api/v1/audit?action=call.talk_correction&entity_id=${fixed.json.id}`, { token: admin })).json.items;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].detail.reason, '软电话断线，按通话记录补录');
  assert.equal(audit[0].after.talk_seconds, 240);
  assert.equal(audit[0].actor_username, 'agent01');
  const timed = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: c.id, started_at: started, answered_at: new Date(Date.now() - 590000).toISOString(), ended_at: new Date(Date.now() - 500000).toISOString(), result: 'connected' },
  });
  assert.equal(timed.status, 201);
  assert.equal(timed.json.talk_seconds, 90);
});

test('records name people and customers: calls list, timeline owner changes, audit log with a field diff', async () => {
  const calls = (await api(srv.base, 'GET', `/api/v1/calls?agent_id=${ids.agent01}&limit=50`, { token: supervisor1 })).json.items;
  const me = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json;
  assert.ok(calls.every((c) => c.agent_name === me.display_name));
  const withCustomer = calls.find((c) => c.customer_id);
  const customer = (await api(srv.base, 'GET', `/api/v1/customers/${withCustomer.customer_id}`, { token: supervisor1 })).json;
  assert.equal(withCustomer.customer_name, customer.company || customer.contact_name);
  assert.ok(calls.filter((c) => !c.customer_id).every((c) => c.customer_name === null));

  // Move a customer from agent01 to agent02: the timeline says who, from whom, to whom, by name.
  const agent02 = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent02}`, { token: admin })).json;
  const moved = await api(srv.base, 'POST', '/api/v1/customers/reassign', {
    token: supervisor1, body: { customer_ids: [customer.id], to_owner_id: ids.agent02, reason: '调岗' },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.json));
  const timeline = (await api(srv.base, 'GET', `/api/v1/customers/${customer.id}/timeline`, { token: admin })).json.items;
  const change = timeline.find((e) => e.kind === 'ownership');
  assert.equal(change.ownership.from_owner_name, me.display_name);
  assert.equal(change.ownership.to_owner_name, agent02.display_name);
  assert.equal(change.by_name, (await api(srv.base, 'GET', '/api/v1/auth/me', { token: supervisor1 })).json.display_name);
  assert.ok(timeline.filter((e) => e.kind === 'call').every((e) => e.by_name && e.call.agent_name === e.by_name));

  const entry = (await api(srv.base, 'GET', `/api/v1/audit?action=customer.assign&entity_id=${customer.id}`, { token: admin })).json.items[0];
  assert.equal(entry.actor_username, 'liqiang');
  assert.equal(entry.entity_name, customer.company || customer.contact_name);
  assert.deepEqual(entry.action_label, { zh: '客户归属变更', en: 'Customer owner changed' });
  const owner = entry.changes.find((x) => x.field === 'owner_id');
  assert.deepEqual([owner.before, owner.after], [ids.agent01, ids.agent02]);
  assert.ok(!entry.changes.some((x) => x.field === 'company'), 'unchanged fields are not listed');
});

test('the overview: today and the month by team and by day, equal to the per-agent figures; only for those with the right', async () => {
  const o = await api(srv.base, 'GET', '/api/v1/overview', { token: admin });
  assert.equal(o.status, 200, JSON.stringify(o.json));
  const d = o.json;
  assert.equal(d.date, chinaDate(Date.now()));
  assert.equal(d.month, d.date.slice(0, 7));
  assert.equal(d.days.length, Number(d.date.slice(8, 10)), 'every day of the month so far');
  assert.equal(d.days.at(-1).date, d.date);
  const sum = (key) => d.days.reduce((n, x) => n + x[key], 0);
  for (const k of ['dials', 'connects', 'effective', 'deals', 'revenue_fen', 'payments_fen']) assert.equal(sum(k), d.month_to_date[k], k);
  assert.equal(d.teams.reduce((n, t) => n + t.month.dials, 0), d.month_to_date.dials);
  assert.ok(d.teams.every((t) => t.team_name));
  const today = (await api(srv.base, 'GET', '/api/v1/sheets/sales', { token: admin })).json;
  assert.equal(d.today.dials, today.total.metrics.dials, 'the same count as the calls page');
  assert.equal(d.today.connects, today.total.metrics.connects);
  // The month's deals match the deals list.
  const deals = (await api(srv.base, 'GET', `/api/v1/deals?from=${d.month}-01&to=${d.date}&limit=1000`, { token: admin })).json.items;
  assert.equal(d.month_to_date.deals, deals.length);
  assert.equal(d.month_to_date.revenue_fen, deals.reduce((n, x) => n + x.amount_fen, 0));
  // A supervisor sees their group only; agents and QA may not open it.
  const group = (await api(srv.base, 'GET', '/api/v1/overview', { token: supervisor1 })).json;
  assert.equal(group.teams.length, 1);
  assert.ok(group.month_to_date.dials < d.month_to_date.dials);
  assert.equal((await api(srv.base, 'GET', '/api/v1/overview', { token: agent01 })).status, 403);
  assert.equal((await api(srv.base, 'GET', '/api/v1/overview', { token: qa })).status, 403);
});
