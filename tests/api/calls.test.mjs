import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';
import { xlsxRows, excelDateTime } from './xlsx.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, qa, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  agent11 = await login(srv.base, 'agent11', DEMO_PASSWORD);
  supervisor1 = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  qa = await login(srv.base, 'sunli', DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

async function ownNew(token, userId) {
  const r = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${userId}&status=new&limit=1`, { token });
  return r.json.items[0];
}

test('logging a connected call moves the customer to contacted and records the last contact', async () => {
  const c = await ownNew(agent01, ids.agent01);
  const r = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01,
    body: { customer_id: c.id, started_at: '2026-11-24T10:00:00+08:00', ring_seconds: 8, talk_seconds: 95, talk_seconds_reason: '补录', result: 'connected', notes: '介绍了产品' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.agent_id, ids.agent01);
  assert.equal(r.json.customer_id, c.id);
  assert.equal(r.json.number, c.phones[0]);
  assert.equal(r.json.started_at, '2026-11-24T02:00:00Z');
  assert.equal(r.json.answered_at, '2026-11-24T02:00:08Z');
  assert.equal(r.json.ended_at, '2026-11-24T02:01:43Z');
  assert.equal(r.json.effective, true);
  assert.equal(r.json.source, 'agent');
  const after = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 });
  assert.equal(after.json.status, 'contacted');
  assert.equal(after.json.last_call_result, 'connected');
  assert.equal(after.json.last_contact_at, '2026-11-24T02:01:43Z');
  // An interested call moves it on; a short call is logged but is not effective.
  const again = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: c.id, started_at: '2026-11-24T11:00:00Z', talk_seconds: 12, talk_seconds_reason: '补录', result: 'interested' },
  });
  assert.equal(again.json.effective, false);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 })).json.status, 'interested');
  // A call logged late, for an earlier time, does not replace the latest contact.
  await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: c.id, started_at: '2026-11-23T11:00:00Z', ring_seconds: 20, result: 'no_answer' },
  });
  const latest = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 });
  assert.equal(latest.json.last_call_result, 'interested');
  const audit = await api(srv.base, 'GET', `/api/v1/audit?entity=customer&entity_id=${c.id}&action=customer.status`, { token: admin });
  assert.equal(audit.json.items.length, 2);
  assert.equal(audit.json.items[0].after.status, 'interested');
});

test('a call by number finds the customer; a missed call leaves the status alone', async () => {
  const c = await ownNew(agent01, ids.agent01);
  const national = c.phones[0].replace('+86', '');
  const r = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { number: national, started_at: '2026-11-24T03:00:00Z', ring_seconds: 30, result: 'no_answer' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.customer_id, c.id);
  assert.equal(r.json.talk_seconds, 0);
  assert.equal(r.json.effective, false);
  const after = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 });
  assert.equal(after.json.status, 'new');
  assert.equal(after.json.last_call_result, 'no_answer');
  const unknown = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { number: '13000000001', started_at: '2026-11-24T03:05:00Z', talk_seconds: 40, talk_seconds_reason: '补录', result: 'connected' },
  });
  assert.equal(unknown.status, 201);
  assert.equal(unknown.json.customer_id, null, 'a number that matches no customer is logged without one');
});

test('scopes: an agent cannot log against or read another team\'s customer or calls', async () => {
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent11}&limit=1`, { token: admin })).json.items[0];
  const byId = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: theirs.id, started_at: '2026-11-24T03:00:00Z', result: 'busy' },
  });
  assert.equal(byId.status, 404);
  const byNumber = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { number: theirs.phones[0], started_at: '2026-11-24T03:00:00Z', result: 'busy' },
  });
  assert.equal(byNumber.status, 403);
  assert.equal(byNumber.json.error.details.field, 'number');
  const forOther = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { agent_id: ids.agent02, number: '13000000002', started_at: '2026-11-24T03:00:00Z', result: 'busy' },
  });
  assert.equal(forOther.status, 403);
  const theirCall = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent11, body: { customer_id: theirs.id, started_at: '2026-11-24T03:00:00Z', talk_seconds: 31, talk_seconds_reason: '补录', result: 'connected' },
  });
  assert.equal(theirCall.status, 201);
  assert.equal((await api(srv.base, 'GET', `/api/v1/calls/${theirCall.json.id}`, { token: agent01 })).status, 404);
  assert.equal((await api(srv.base, 'GET', `/api/v1/calls/${theirCall.json.id}`, { token: supervisor1 })).status, 404);
  assert.equal((await api(srv.base, 'GET', `/api/v1/calls/${theirCall.json.id}`, { token: admin })).status, 200);
  const mine = await api(srv.base, 'GET', '/api/v1/calls?limit=100', { token: agent01 });
  assert.ok(mine.json.items.length >= 3 && mine.json.items.every((x) => x.agent_id === ids.agent01));
  const seenByQa = await api(srv.base, 'GET', `/api/v1/calls?agent_id=${ids.agent01}`, { token: qa });
  assert.ok(seenByQa.json.items.every((x) => /\*\*\*\*/.test(x.number)), 'QA sees masked numbers');
});

test('bad calls are refused with the field named and nothing written', async () => {
  const c = await ownNew(agent01, ids.agent01);
  const before = (await api(srv.base, 'GET', `/api/v1/calls?customer_id=${c.id}`, { token: agent01 })).json.items.length;
  for (const [body, field] of [
    [{ customer_id: c.id, started_at: '2026-11-24 10:00', result: 'connected' }, 'started_at'],
    [{ customer_id: c.id, started_at: '2026-11-24T10:00:00Z', result: 'hung_up' }, 'result'],
    [{ customer_id: c.id, result: 'connected' }, 'started_at'],
    [{ customer_id: c.id, started_at: '2026-11-24T10:00:00Z', talk_seconds: -5, result: 'connected' }, 'talk_seconds'],
    [{ customer_id: c.id, started_at: '2026-11-24T10:00:00Z', ended_at: '2026-11-24T09:00:00Z', result: 'connected' }, 'ended_at'],
    [{ customer_id: c.id, started_at: '2026-11-24T10:00:00Z', talk_seconds: 60, result: 'busy' }, 'result'],
    [{ number: '12345', started_at: '2026-11-24T10:00:00Z', result: 'busy' }, 'number'],
    [{ customer_id: c.id, started_at: '2026-11-24T10:00:00Z', result: 'busy', duration: 3 }, 'duration'],
  ]) {
    const r = await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body });
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field, JSON.stringify(r.json));
  }
  const calls = await api(srv.base, 'GET', `/api/v1/calls?customer_id=${c.id}`, { token: agent01 });
  assert.equal(calls.json.items.length, before);
  const dupe = { customer_id: c.id, started_at: '2026-11-24T10:00:00Z', result: 'busy', external_id: 'pbx-1' };
  assert.equal((await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: dupe })).status, 201);
  assert.equal((await api(srv.base, 'POST', '/api/v1/calls', { token: agent01, body: dupe })).status, 409);
});

test('calls list by day (China time) with paging', async () => {
  for (let i = 0; i < 5; i++) {
    await api(srv.base, 'POST', '/api/v1/calls', {
      token: agent01, body: { number: `1300000010${i}`, started_at: `2025-06-02T0${i}:30:00+08:00`, result: 'no_answer' },
    });
  }
  const seen = [];
  let cursor = null;
  do {
    const r = await api(srv.base, 'GET', '/api/v1/calls?day=2025-06-02&limit=2' + (cursor ? '&cursor=' + cursor : ''), { token: agent01 });
    assert.equal(r.status, 200);
    seen.push(...r.json.items.map((x) => x.started_at));
    cursor = r.json.next_cursor;
  } while (cursor);
  assert.deepEqual(seen, ['2025-06-01T20:30:00Z', '2025-06-01T19:30:00Z', '2025-06-01T18:30:00Z', '2025-06-01T17:30:00Z', '2025-06-01T16:30:00Z']);
});

test('follow-ups: logged, counted only when complete, and they schedule the next one', async () => {
  const c = await ownNew(agent01, ids.agent01);
  const r = await api(srv.base, 'POST', '/api/v1/follow-ups', {
    token: agent01,
    body: { customer_id: c.id, channel: 'wechat', content: '发了报价单', outcome: '客户在比价', next_step: '周五回访', next_follow_up_on: '2099-01-02' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  assert.equal(r.json.complete, true);
  assert.deepEqual(r.json.missing, []);
  const after = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: agent01 });
  assert.equal(after.json.next_follow_up_on, '2099-01-02');
  assert.ok(after.json.last_contact_at);
  const due = await api(srv.base, 'GET', '/api/v1/customers?due_by=2099-01-02&limit=500', { token: agent01 });
  assert.ok(due.json.items.some((x) => x.id === c.id), 'listed as due');
  const empty = await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: c.id, channel: 'visit' } });
  assert.equal(empty.status, 201);
  assert.equal(empty.json.complete, false);
  assert.deepEqual(empty.json.missing, ['content'], 'the API says what is missing');
  const list = await api(srv.base, 'GET', `/api/v1/follow-ups?customer_id=${c.id}`, { token: agent01 });
  assert.equal(list.json.items.length, 2);
  for (const [body, field] of [
    [{ customer_id: c.id, channel: 'pigeon', content: 'x' }, 'channel'],
    [{ customer_id: c.id, content: 'x', next_follow_up_on: '2020-01-01' }, 'next_follow_up_on'],
    [{ customer_id: c.id, content: 'x', at: '2099-01-01T00:00:00Z' }, 'at'],
    [{ content: 'x' }, 'customer_id'],
  ]) {
    const bad = await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body });
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.equal(bad.json.error.details.field, field);
  }
  const pool = (await api(srv.base, 'GET', '/api/v1/customers?pool=true&limit=1', { token: agent01 })).json.items[0];
  assert.equal((await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: pool.id, content: 'x' } })).status, 403);
  const theirs = (await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent11}&limit=1`, { token: admin })).json.items[0];
  assert.equal((await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent01, body: { customer_id: theirs.id, content: 'x' } })).status, 404);
});

test('a customer\'s timeline: calls, follow-ups, deals, payments and ownership changes, newest first, paged', async () => {
  const c = await ownNew(admin, ids.agent05);
  const agent05 = await login(srv.base, 'agent05', DEMO_PASSWORD);
  await api(srv.base, 'POST', '/api/v1/calls', { token: agent05, body: { customer_id: c.id, started_at: '2026-11-20T01:00:00Z', talk_seconds: 40, talk_seconds_reason: '补录', result: 'connected' } });
  await api(srv.base, 'POST', '/api/v1/follow-ups', { token: agent05, body: { customer_id: c.id, at: '2026-11-21T01:00:00Z', content: '寄了资料' } });
  const deal = await api(srv.base, 'POST', '/api/v1/deals', { token: agent05, body: { customer_id: c.id, product: '企业邮箱', amount_fen: 240000 } });
  assert.equal(deal.status, 201, JSON.stringify(deal.json));
  const paid = await api(srv.base, 'POST', `/api/v1/deals/${deal.json.id}/payments`, { token: agent05, body: { amount_fen: 240000 } });
  assert.equal(paid.status, 201, JSON.stringify(paid.json));
  const moved = await api(srv.base, 'PATCH', `/api/v1/customers/${c.id}`, { token: admin, body: { owner_id: ids.agent06 } });
  assert.equal(moved.status, 200);
  const items = [];
  let cursor = null;
  do {
    const r = await api(srv.base, 'GET', `/api/v1/customers/${c.id}/timeline?limit=1` + (cursor ? '&cursor=' + cursor : ''), { token: admin });
    assert.equal(r.status, 200);
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
  } while (cursor);
  // Deal, payment and the move were all recorded just now; the call and follow-up days before.
  // The deal's status move (to won) is an entry of its own; the call's (to contacted) sits in the call's entry.
  assert.deepEqual(items.slice(0, 4).map((e) => e.kind).sort(), ['deal', 'ownership', 'payment', 'status']);
  assert.deepEqual(items.slice(4).map((e) => e.kind), ['follow_up', 'call']);
  assert.equal(items.find((e) => e.kind === 'status').status.to, 'won');
  assert.equal(items.at(-1).status.to, 'contacted');
  const byKind = Object.fromEntries(items.map((e) => [e.kind, e]));
  assert.equal(byKind.ownership.ownership.from_owner_id, ids.agent05);
  assert.equal(byKind.ownership.ownership.to_owner_id, ids.agent06);
  assert.equal(byKind.deal.deal.amount_fen, 240000);
  assert.equal(byKind.payment.payment.kind, 'payment');
  assert.equal(byKind.payment.payment.deal_id, deal.json.id);
  assert.equal(byKind.follow_up.follow_up.content, '寄了资料');
  assert.equal(byKind.call.call.result, 'connected');
  // agent05 no longer owns it: the timeline is out of scope now.
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${c.id}/timeline`, { token: agent05 })).status, 404);
});

test('calls export: named for the day, people by name, labels in the language asked, real Excel numbers and dates; agents may not; audited', async () => {
  const sup = await login(srv.base, 'liqiang', DEMO_PASSWORD);
  const csv = await api(srv.base, 'GET', '/api/v1/calls/export?day=2025-06-02', { token: sup });
  assert.equal(csv.status, 200);
  const disposition = csv.headers.get('content-disposition');
  assert.match(disposition, /filename="calls-2025-06-02\.csv"/, 'an ASCII name for old clients');
  assert.match(disposition, new RegExp(`filename\\*=UTF-8''${encodeURIComponent('通话记录-2025-06-02.csv')}`), disposition);
  const lines = csv.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(lines[0], /^\ufeff编号,坐席,客户,客户编号,号码,方向,开始时间/);
  assert.equal(lines.length - 1, 5, 'the five calls of 2025-06-02 (China time)');
  const agentUser = (await api(srv.base, "GET", `/api/v1/users/${ids.agent01}`, { token: admin })).json;
  assert.ok(lines.slice(1).every((l) => l.includes(`${agentUser.display_name} (agent01)`) && l.includes('2025-06-02 0')), lines[1]);
  assert.ok(lines.slice(1).every((l) => !/no_answer|connected|outbound/.test(l)), 'labels, not codes');
  const en = await api(srv.base, 'GET', '/api/v1/calls/export?day=2025-06-02&lang=en', { token: sup });
  const enLines = en.buf.toString('utf8').trimEnd().split('\r\n');
  assert.match(enLines[0], /^\ufeffID,Agent,Customer,Customer ID,Number,Direction,Started/);
  assert.ok(enLines.slice(1).every((l) => /Outbound|Inbound/.test(l) && !/[\u4e00-\u9fff]{2,}/.test(l.split(',').slice(5).join(','))), enLines[1]);
  assert.match(en.headers.get('content-disposition'), /filename="calls-2025-06-02\.csv"/);
  assert.equal((await api(srv.base, 'GET', '/api/v1/calls/export?lang=fr', { token: sup })).json.error.details.field, 'lang');

  const xlsx = await api(srv.base, 'GET', '/api/v1/calls/export?format=xlsx&day=2025-06-02', { token: admin });
  assert.equal(xlsx.status, 200);
  const rows = xlsxRows(xlsx.buf);
  assert.equal(rows[0][0].value, '编号');
  assert.equal(rows.length - 1, 5);
  for (const row of rows.slice(1)) {
    assert.equal(row[0].type, 'number', 'the id is a number');
    assert.equal(row[6].type, 'number', 'the start is an Excel date');
    assert.ok(row[6].style > 0, 'with a date format');
    assert.match(excelDateTime(row[6].value), /^2025-06-02 0\d:\d\d:\d\d$/, 'in China time');
    assert.equal(row[10].type, 'number', 'talk seconds are a number');
  }
  assert.equal((await api(srv.base, 'GET', '/api/v1/calls/export', { token: agent01 })).status, 403);
  const audit = await api(srv.base, 'GET', '/api/v1/audit?action=call.export', { token: admin });
  assert.equal(audit.json.items.length, 3);
  assert.equal(audit.json.items[2].detail.rows, 5);
  assert.equal(audit.json.items[2].action_label.zh, '导出通话');
  assert.equal(audit.json.items[2].actor_username, 'liqiang');
});

test('the demo floor has sixty days of activity: dials, follow-ups due, deals with payments', async () => {
  // The latest working day before today (Monday to Saturday), in China time.
  let day = new Date(Date.now() + 8 * 3600 * 1000 - 86400 * 1000);
  if (day.getUTCDay() === 0) day = new Date(day.getTime() - 86400 * 1000);
  const ymd = day.toISOString().slice(0, 10);
  const calls = await api(srv.base, 'GET', `/api/v1/calls?agent_id=${ids.agent02}&day=${ymd}&limit=1000`, { token: admin });
  assert.equal(calls.status, 200);
  const n = calls.json.items.length;
  assert.ok(n >= 60 && n <= 180, `agent02 dialled ${n} times on ${ymd}`);
  const answered = calls.json.items.filter((c) => c.answered_at !== null);
  assert.ok(answered.length > 0 && answered.length < n, 'some answered, most not');
  assert.ok(calls.json.items.some((c) => c.customer_id !== null) && calls.json.items.some((c) => c.customer_id === null),
    'calls to own customers and to list numbers');
  const effective = calls.json.items.filter((c) => c.effective);
  assert.ok(effective.every((c) => c.talk_seconds >= 30));
  const old = await api(srv.base, 'GET', `/api/v1/calls?agent_id=${ids.agent02}&to=${new Date(Date.now() - 50 * 86400 * 1000).toISOString().slice(0, 19)}Z&limit=1`, { token: admin });
  assert.equal(old.json.items.length, 1, 'calls reach back weeks');

  const deals = await api(srv.base, 'GET', '/api/v1/deals?limit=1000', { token: admin });
  assert.ok(deals.json.items.length >= 50, `${deals.json.items.length} deals`);
  const paid = [];
  for (const d of deals.json.items.slice(0, 20)) {
    const one = await api(srv.base, 'GET', `/api/v1/deals/${d.id}`, { token: admin });
    assert.ok(Number.isInteger(one.json.amount_fen) && one.json.amount_fen > 0);
    assert.ok(one.json.paid_fen <= one.json.amount_fen);
    if (one.json.payments.length > 0) paid.push(one.json);
  }
  assert.ok(paid.length > 0, 'deals with payments');
  const followUps = await api(srv.base, 'GET', `/api/v1/follow-ups?agent_id=${ids.agent02}&limit=5`, { token: admin });
  assert.ok(followUps.json.items.length > 0 && followUps.json.items.every((f) => f.complete));
  const due = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent02}&due_by=2099-12-31&limit=1000`, { token: admin });
  assert.ok(due.json.items.length > 0, 'customers with a next follow-up date');
});
