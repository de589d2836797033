import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshData, startServer, api, login, cli, cleanup, gbk, ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, assistant, agent01, ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assistant = await login(srv.base, 'zhouyan', DEMO_PASSWORD);
  agent01 = await login(srv.base, 'agent01', DEMO_PASSWORD);
  for (const u of (await api(srv.base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) ids[u.username] = u.id;
});
after(async () => { await srv.stop(); cleanup(dir); });

// One Master.csv record (Asterisk cdr_csv), times in the phone server's local time.
function master({ src = '8001', dst, channel = `SIP/${src}-0000002a`, start, answer = '', end, duration, billsec, disposition, uniqueid }) {
  const f = ['', src, dst, 'from-internal', `"Agent" <${src}>`, channel, 'SIP/trunk-00000001', 'Dial', `SIP/trunk/${dst}`,
    start, answer, end, String(duration), String(billsec), disposition, 'DOCUMENTATION'];
  if (uniqueid !== undefined) f.push(uniqueid, '');
  return f.map((v) => (/^\d+$/.test(v) ? v : `"${v.replace(/"/g, '""')}"`)).join(',') + '\n';
}

async function upload(token, body, query) {
  return api(srv.base, 'POST', '/api/v1/calls/import' + query, { token, raw: Buffer.from(body), headers: { 'content-type': 'text/csv' } });
}

async function newCustomerOf(user) {
  const r = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids[user]}&status=new&limit=5`, { token: admin });
  return r.json.items.find((c) => c.phones[0].startsWith('+861'));
}

test('a Master.csv with an unknown extension, an unmatched number and a malformed line; then a re-import', async () => {
  const c = await newCustomerOf('agent01');
  const national = c.phones[0].slice(3);
  const lines = [
    master({ dst: '9' + national, start: '2025-03-20 10:30:00', answer: '2025-03-20 10:30:12', end: '2025-03-20 10:31:12', duration: 72, billsec: 60, disposition: 'ANSWERED', uniqueid: '1763605800.1' }),
    master({ src: '8099', dst: '913900001111', start: '2025-03-20 10:35:00', end: '2025-03-20 10:35:20', duration: 20, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1763605800.2' }),
    master({ src: '01062345678', channel: 'PJSIP/8002-00000007', dst: '917700001111', start: '2025-03-20 10:36:00', end: '2025-03-20 10:36:25', duration: 25, billsec: 0, disposition: 'BUSY', uniqueid: '1763605800.3' }),
    'this line is not a CDR\n',
  ];
  const file = lines.join('');

  // All or nothing: the bad lines are named and nothing goes in.
  let r = await upload(assistant, file, '?format=asterisk&strip_prefix=9');
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.committed, false);
  assert.deepEqual(r.json.errors.map((e) => e.line), [2, 4]);
  assert.match(r.json.errors[0].reason, /8099/);
  assert.match(r.json.errors[1].reason, /16/);
  let calls = await api(srv.base, 'GET', `/api/v1/calls?customer_id=${c.id}`, { token: admin });
  assert.equal(calls.json.items.length, 0);

  // Partial: the two good rows go in; the busy call to an unknown number counts as no_customer.
  r = await upload(assistant, file, '?format=asterisk&strip_prefix=9&partial=true&filename=Master.csv');
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual([r.json.read, r.json.imported, r.json.duplicates, r.json.no_customer, r.json.rejected], [4, 2, 0, 1, 2]);
  const rejects = await api(srv.base, 'GET', r.json.rejects_url, { token: assistant });
  assert.equal(rejects.status, 200);
  assert.match(rejects.buf.toString('utf8'), /8099/);
  assert.equal((await api(srv.base, 'GET', r.json.rejects_url, { token: agent01 })).status, 404, "another user's rejects");

  calls = await api(srv.base, 'GET', `/api/v1/calls?customer_id=${c.id}`, { token: admin });
  assert.equal(calls.json.items.length, 1);
  const call = calls.json.items[0];
  assert.equal(call.agent_id, ids.agent01);
  assert.equal(call.number, c.phones[0]);
  assert.equal(call.started_at, '2025-03-20T02:30:00Z', 'Beijing time converted to UTC');
  assert.equal(call.talk_seconds, 60);
  assert.equal(call.ring_seconds, 12);
  assert.equal(call.effective, true);
  assert.equal(call.source, 'imported');
  assert.equal(call.external_id, '1763605800.1');
  const customer = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: admin });
  assert.equal(customer.json.status, 'contacted');
  assert.equal(customer.json.last_call_result, 'connected');
  const agent02Calls = await api(srv.base, 'GET', `/api/v1/calls?agent_id=${ids.agent02}&from=2025-03-20T00:00:00Z&to=2025-03-21T00:00:00Z`, { token: admin });
  assert.equal(agent02Calls.json.items[0].customer_id, null);
  assert.equal(agent02Calls.json.items[0].result, 'busy');

  // The phone server appended a call: only the new row goes in.
  const longer = file + master({ dst: '9' + national, start: '2025-03-20 11:00:00', end: '2025-03-20 11:00:30', duration: 30, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1763607600.9' });
  r = await upload(assistant, longer, '?format=asterisk&strip_prefix=9&partial=true');
  assert.deepEqual([r.json.imported, r.json.duplicates, r.json.rejected], [1, 2, 2]);
  calls = await api(srv.base, 'GET', `/api/v1/calls?customer_id=${c.id}`, { token: admin });
  assert.equal(calls.json.items.length, 2);
  const again = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: admin });
  assert.equal(again.json.status, 'contacted', 'a later unanswered call does not move the status back');
  assert.equal(again.json.last_call_result, 'no_answer');
});

test('without uniqueid the call is keyed on channel, start and destination', async () => {
  const row = master({ dst: '13700001234', channel: 'SIP/8001-000000ff', start: '2025-03-21 09:00:00', end: '2025-03-21 09:00:40', duration: 40, billsec: 0, disposition: 'NO ANSWER' });
  let r = await upload(assistant, row, '?format=asterisk');
  assert.deepEqual([r.json.imported, r.json.duplicates], [1, 0]);
  r = await upload(assistant, row + row, '?format=asterisk');
  assert.deepEqual([r.json.imported, r.json.duplicates], [0, 2]);
});

test('the CSV layout in GBK, by username or extension, and bad requests', async () => {
  const c = await newCustomerOf('agent03');
  const sheet = ['坐席,号码,开始时间,通话时长,结果,录音',
    `agent03,${c.phones[0].slice(3)},2025-03-22 14:00:00,75,有意向,rec/20261122/1.wav`,
    '8004,13600001111,2025-03-22 14:05:00,0,未接,',
    'agent03,13600001111,2025-03-22 14:10:00,abc,接通,'].join('\r\n') + '\r\n';
  const r = await api(srv.base, 'POST', '/api/v1/calls/import?format=csv&partial=true', { token: assistant, raw: gbk(sheet), headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.encoding, 'GB18030');
  assert.deepEqual([r.json.imported, r.json.no_customer, r.json.rejected], [2, 1, 1]);
  assert.equal(r.json.errors[0].line, 4);
  assert.match(r.json.errors[0].reason, /abc/);
  const customer = await api(srv.base, 'GET', `/api/v1/customers/${c.id}`, { token: admin });
  assert.equal(customer.json.status, 'interested');

  assert.equal((await upload(assistant, 'x', '?format=mp3')).json.error.details.field, 'format');
  assert.equal((await upload(assistant, 'x', '?format=asterisk&tz=Mars/Base')).json.error.details.field, 'tz');
  const noHeader = await upload(assistant, 'a,b\n1,2\n', '?format=csv');
  assert.equal(noHeader.status, 400);
  assert.match(noHeader.json.error.message, /agent, number, start, result/);
  assert.equal((await upload(assistant, '', '?format=csv')).status, 400);
  assert.equal((await upload(agent01, 'x', '?format=csv')).status, 403, 'agents do not import CDRs');
});

test('waihu import calls --json prints one object and exits non-zero when rows were rejected', async () => {
  const file = join(dir, 'Master.csv');
  writeFileSync(file, master({ dst: '13500001111', start: '2025-03-23 09:00:00', end: '2025-03-23 09:00:10', duration: 10, billsec: 0, disposition: 'FAILED', uniqueid: 'cli.1' }) + 'broken\n');
  const r = cli(dir, ['import', 'calls', file, '--format', 'asterisk', '--json']);
  assert.equal(r.status, 3);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report).filter((k) => ['read', 'imported', 'duplicates', 'no_customer', 'rejected', 'errors'].includes(k)).sort(),
    ['duplicates', 'errors', 'imported', 'no_customer', 'read', 'rejected']);
  assert.deepEqual([report.read, report.imported, report.rejected], [2, 0, 1]);
  assert.deepEqual(report.errors, [{ line: 2, reason: report.errors[0].reason }]);
  const ok = cli(dir, ['import', 'calls', file, '--format', 'asterisk', '--partial', '--json']);
  assert.equal(ok.status, 3);
  assert.equal(JSON.parse(ok.stdout).imported, 1);
  const bad = cli(dir, ['import', 'calls', file, '--format', 'asterisk', '--tz', 'Nowhere/City', '--json']);
  assert.equal(bad.status, 2);
  assert.equal(JSON.parse(bad.stdout).error.details.field, 'tz');
});

test('a dry run of a CDR file reports what would happen and writes nothing', async () => {
  const row = master({ dst: '13700009876', channel: 'SIP/8003-0000abcd', start: '2025-03-24 09:00:00', end: '2025-03-24 09:00:40', duration: 40, billsec: 0, disposition: 'NO ANSWER', uniqueid: 'dry.1' });
  const r = await upload(assistant, row + 'broken\n', '?format=asterisk&dry_run=true');
  assert.equal(r.status, 422, 'rows rejected: nothing would be committed');
  assert.deepEqual([r.json.read, r.json.rejected, r.json.committed], [2, 1, false]);
  const again = await upload(assistant, row, '?format=asterisk&partial=true');
  assert.deepEqual([again.json.imported, again.json.duplicates], [1, 0], 'the dry run stored nothing');
});
