// Regression tests for the holes a hostile client found (issue 12): each test is named after the hole it closes.
// Scope, masking and input checks on every path that reads or writes a record, on both stores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, demoCast, sql, ADMIN_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, qa;
let ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  ({ admin, agent01, agent11, supervisor1, qa, ids } = await demoCast(srv.base));
});
after(async () => { await srv.stop(); cleanup(dir); });

const MASKED = /^\+?\d{3,5}\*{4}\d{4}$/;
const minutesAgo = (m) => new Date(Date.now() - m * 60000).toISOString();

async function customersOf(query, n = 20) {
  return (await api(srv.base, 'GET', `/api/v1/customers?${query}&limit=${n}`, { token: admin })).json.items;
}
async function poolCustomer(skip = 0) {
  return (await customersOf('pool=true&sort=id', 50)).filter((c) => c.phones[0]?.startsWith('+861'))[skip];
}
async function customerOf(username, skip = 0) {
  return (await customersOf(`owner_id=${ids[username]}&sort=id`, 50)).filter((c) => c.phones[0]?.startsWith('+861'))[skip];
}
function upload(path, token, body, contentType = 'text/csv') {
  return api(srv.base, 'POST', path, { token, raw: Buffer.from(body), headers: { 'content-type': contentType } });
}

// --- High ---

test('pool phones unmasked through calls: every route that returns a call masks a pool number', async () => {
  // A pool customer cannot be called unclaimed; one the agent called and then released is a pool customer again,
  // and the agent's own calls to it show its number masked like the customer route does.
  const pool = await poolCustomer();
  const unclaimed = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: pool.id, started_at: minutesAgo(5), result: 'no_answer' },
  });
  assert.equal(unclaimed.status, 403);
  assert.equal(unclaimed.json.error.code, 'call.pool_unclaimed');
  const byNumber = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { number: pool.phones[0], started_at: minutesAgo(5), result: 'no_answer' },
  });
  assert.equal(byNumber.status, 403, 'dialling the number by hand is the same call');
  assert.equal((await api(srv.base, 'POST', `/api/v1/customers/${pool.id}/claim`, { token: agent01 })).status, 200);
  const logged = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: pool.id, started_at: minutesAgo(5), result: 'no_answer' },
  });
  assert.equal(logged.status, 201, JSON.stringify(logged.json));
  assert.equal(logged.json.number, pool.phones[0], 'claimed: the number shows');
  const released = await api(srv.base, 'POST', `/api/v1/customers/${pool.id}/release`, { token: agent01, body: { reason: '客户无需求' } });
  assert.equal(released.status, 200, JSON.stringify(released.json));
  const one = await api(srv.base, 'GET', `/api/v1/calls/${logged.json.id}`, { token: agent01 });
  assert.match(one.json.number, MASKED);
  const list = await api(srv.base, 'GET', `/api/v1/calls?customer_id=${pool.id}`, { token: agent01 });
  assert.ok(list.json.items.length > 0);
  for (const c of list.json.items) assert.match(c.number, MASKED, 'a pool customer\'s number stays masked in lists');
  // The day the call fell on (a run just after midnight in Shanghai logs it yesterday).
  const callDay = new Date(Date.parse(logged.json.started_at) + 8 * 3600000).toISOString().slice(0, 10);
  const day = await api(srv.base, 'GET', '/api/v1/calls?limit=1000&day=' + callDay, { token: agent01 });
  assert.match(day.json.items.find((c) => c.id === logged.json.id).number, MASKED);
  // The agent's own customers keep their numbers; the supervisor sees the pool's.
  const mine = await customerOf('agent01');
  const own = await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: mine.id, started_at: minutesAgo(4), result: 'busy' },
  });
  assert.equal(own.json.number, mine.phones[0]);
  const sup = await api(srv.base, 'GET', `/api/v1/calls/${logged.json.id}`, { token: supervisor1 });
  assert.equal(sup.json.number, pool.phones[0]);
});

test('a supervisor changes another group\'s customer through the customer import (dedupe=update): refused, not named', async () => {
  const theirs = await customerOf('agent11');
  const phone = theirs.phones[0].slice(3);
  const sheet = `单位名称,联系人,电话,传真,需求\r\n某某公司,赵六,${phone}/13700009999,010-88889999,想要抢过来\r\n`;
  const r = await upload('/api/v1/customers/import?dedupe=update', supervisor1, sheet);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual([r.json.updated, r.json.created, r.json.duplicates], [0, 0, 1]);
  assert.doesNotMatch(JSON.stringify(r.json), new RegExp(`#${theirs.id}\\b`));
  const rejects = await api(srv.base, 'GET', r.json.rejects_url, { token: supervisor1 });
  const text = rejects.buf.toString('utf8');
  assert.match(text, /outside your scope/);
  assert.ok(!text.includes(`#${theirs.id}`), 'the rejects file does not name the other group\'s customer');
  const now = (await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin })).json;
  assert.deepEqual(now.phones, theirs.phones);
  assert.equal(now.fax, theirs.fax);
  assert.equal(now.needs, theirs.needs);
  assert.equal(now.updated_at, theirs.updated_at);
});

test('a supervisor changes another group\'s customers through the CDR import: the row is refused, the customer untouched', async () => {
  const theirs = await customerOf('agent11', 1);
  const sheet = ['坐席,号码,开始时间,通话时长,结果', `agent01,${theirs.phones[0].slice(3)},2026-11-20 10:00:00,0,空号`,
    'agent01,13600002222,2026-11-20 10:05:00,0,未接'].join('\r\n') + '\r\n';
  const r = await upload('/api/v1/calls/import?format=csv&partial=true', supervisor1, sheet);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.deepEqual([r.json.imported, r.json.rejected], [1, 1]);
  assert.equal(r.json.errors[0].line, 2);
  assert.match(r.json.errors[0].reason, /outside your scope/);
  assert.ok(!r.json.errors[0].reason.includes(String(theirs.id)));
  const now = (await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin })).json;
  assert.equal(now.status, theirs.status);
  assert.equal(now.last_contact_at, theirs.last_contact_at);
  // The admin's scope covers it: the same row links and moves the customer.
  const adminRun = await upload('/api/v1/calls/import?format=csv', admin, sheet);
  assert.equal(adminRun.json.imported, 1, JSON.stringify(adminRun.json));
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin })).json.status, 'invalid');
});

// --- Medium ---

test('masked digits recoverable through search: a masked number matches only whole, and wildcards are literal', async () => {
  const pool = await poolCustomer(1);
  const national = pool.phones[0].slice(3); // 11 digits
  const search = async (token, q) =>
    (await api(srv.base, 'GET', `/api/v1/customers?limit=1000&pool=true&q=${encodeURIComponent(q)}`, { token })).json.items;
  assert.ok(!(await search(agent01, national.slice(3, 7))).some((c) => c.id === pool.id), 'hidden middle digits find nothing');
  assert.ok(!(await search(agent01, national.slice(0, 8))).some((c) => c.id === pool.id), 'nor a prefix reaching into them');
  const whole = await search(agent01, national);
  assert.ok(whole.some((c) => c.id === pool.id), 'the whole number finds it');
  assert.match(whole.find((c) => c.id === pool.id).phones[0], MASKED);
  assert.ok((await search(agent01, `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`)).some((c) => c.id === pool.id),
    'typed with spaces it is the same number');
  assert.ok(!(await search(qa, national.slice(3, 7))).some((c) => c.id === pool.id), 'QA sees no number: no digits either');
  // Who sees the number searches its digits as before.
  assert.ok((await search(supervisor1, national.slice(3, 7))).some((c) => c.id === pool.id));
  // Wildcards match themselves only.
  assert.equal((await search(admin, '___________')).length, 0);
  assert.equal((await search(admin, '%')).length, 0);
  const users = await api(srv.base, 'GET', '/api/v1/users?q=_', { token: admin });
  assert.equal(users.json.items.length, 0);
});

test('QA sees unmasked phones in duplicate claims: the matched number is masked', async () => {
  const theirs = await customerOf('agent11', 2);
  const dup = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '撞单测试公司甲', contact_name: '钱七', phones: [theirs.phones[0]] },
  });
  assert.equal(dup.status, 409);
  assert.equal(dup.json.error.code, 'customer.duplicate_claim');
  const claims = await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: qa });
  assert.equal(claims.status, 200, JSON.stringify(claims.json));
  const mine = claims.json.items.filter((d) => d.reason === 'phone');
  assert.ok(mine.length > 0);
  for (const d of mine) assert.match(d.matched, MASKED);
  const sup = await api(srv.base, 'GET', '/api/v1/duplicate-claims?limit=1000', { token: admin });
  assert.ok(sup.json.items.some((d) => d.matched === theirs.phones[0]));
});

test('a password change leaves the user\'s other sessions alive: they are revoked, the changing one stays', async () => {
  const made = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'pwchange', role: 'agent', team_id: (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json.team_id, password: 'first-pass-1' },
  });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const here = await login(srv.base, 'pwchange', 'first-pass-1');
  const elsewhere = await login(srv.base, 'pwchange', 'first-pass-1');
  const changed = await api(srv.base, 'POST', '/api/v1/auth/password', {
    token: here, body: { old_password: 'first-pass-1', new_password: 'second-pass-2' },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.json));
  assert.equal((await api(srv.base, 'GET', '/api/v1/auth/me', { token: elsewhere })).status, 401);
  assert.equal((await api(srv.base, 'GET', '/api/v1/auth/me', { token: here })).status, 200);
});

test('CSV/Excel formula injection in exports: every text cell starting = + - @ tab or CR is neutralised', async () => {
  const evil = "-2+3+cmd|' /C calc'!A0";
  const created = await api(srv.base, 'POST', '/api/v1/customers', {
    token: supervisor1, body: { company: evil, contact_name: '@SUM(1)', phones: ['13566667777'], notes: '\t@SUM(9)' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const csv = (await api(srv.base, 'GET', '/api/v1/customers/export?format=csv&q=' + encodeURIComponent('cmd|'), { token: supervisor1 })).buf.toString('utf8');
  assert.ok(csv.includes(`'${evil}`), csv.slice(0, 400));
  assert.ok(csv.includes("'@SUM(1)"));
  assert.match(csv, /'\t?@SUM\(9\)/, 'notes are trimmed, then neutralised');
  assert.ok(!/(^|,)-2\+3/m.test(csv), 'no cell starts with the formula');
  // Calls: notes typed by an agent.
  const mine = await customerOf('agent01', 3);
  await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: mine.id, started_at: minutesAgo(3), result: 'busy', notes: '=HYPERLINK("http://x")' },
  });
  await api(srv.base, 'POST', '/api/v1/calls', {
    token: agent01, body: { customer_id: mine.id, started_at: minutesAgo(2), result: 'busy', notes: '\r+1+1' },
  });
  // The last ten minutes, whatever day they fall on.
  const window = `from=${encodeURIComponent(minutesAgo(10))}&to=${encodeURIComponent(new Date(Date.now() + 60000).toISOString())}`;
  const calls = (await api(srv.base, 'GET', `/api/v1/calls/export?format=csv&${window}`, { token: supervisor1 })).buf.toString('utf8');
  assert.ok(calls.includes(`"'=HYPERLINK(""http://x"")"`), 'the formula went out as text');
  assert.ok(calls.includes(`"'\r+1+1"`) || calls.includes("'+1+1"), 'a leading CR or + is neutralised');
  // The audit log carries the evil company name in its before/after.
  const audit = (await api(srv.base, 'GET', '/api/v1/audit/export?format=csv&entity=customer', { token: admin })).buf.toString('utf8');
  assert.ok(!/(^|,)[=@+-][^0-9,]/m.test(audit.replace(/"[^"]*"/g, '')), 'no unquoted cell starts a formula');
  // A rejects file echoes the file's own cells.
  const rejected = await upload('/api/v1/customers/import?pool=true&partial=true', supervisor1, '单位名称,联系人,电话\r\n=1+1,@me,\r\n');
  const rejects = (await api(srv.base, 'GET', rejected.json.rejects_url, { token: supervisor1 })).buf.toString('utf8');
  assert.ok(rejects.includes("'=1+1") && rejects.includes("'@me"), rejects);
});

test('call times anywhere: no call in the future or before 2000, through the API or the CDR import', async () => {
  const mine = await customerOf('agent01', 4);
  const before = (await api(srv.base, 'GET', `/api/v1/customers/${mine.id}`, { token: admin })).json;
  for (const [startedAt, talk, field] of [['2099-01-01T10:00:00+08:00', 0, 'started_at'], ['1970-01-02T00:00:00Z', 0, 'started_at'],
    [minutesAgo(1), 3600, 'ended_at']]) {
    const r = await api(srv.base, 'POST', '/api/v1/calls', {
      token: agent01, body: { customer_id: mine.id, started_at: startedAt, result: 'connected', talk_seconds: talk, talk_seconds_reason: '补录' },
    });
    assert.equal(r.status, 400, startedAt);
    assert.equal(r.json.error.details.field, field);
  }
  const r = await api(srv.base, 'POST', '/api/v1/follow-ups', {
    token: agent01, body: { customer_id: mine.id, at: '1999-12-31T00:00:00Z', content: '旧' },
  });
  assert.equal(r.status, 400);
  const sheet = ['坐席,号码,开始时间,通话时长,结果', `agent01,${mine.phones[0].slice(3)},2099-11-20 10:00:00,60,接通`,
    `agent01,${mine.phones[0].slice(3)},1970-01-05 10:00:00,60,接通`].join('\r\n') + '\r\n';
  const imp = await upload('/api/v1/calls/import?format=csv&partial=true', supervisor1, sheet);
  assert.deepEqual([imp.json.imported, imp.json.rejected], [0, 2]);
  assert.deepEqual(imp.json.errors.map((e) => e.line), [2, 3]);
  const after = (await api(srv.base, 'GET', `/api/v1/customers/${mine.id}`, { token: admin })).json;
  assert.equal(after.last_contact_at, before.last_contact_at);
});

test('payments beyond the deal: refused naming the amounts, unless the amount is corrected first (audited)', async () => {
  const mine = await customerOf('agent01', 5);
  const deal = await api(srv.base, 'POST', '/api/v1/deals', {
    token: agent01, body: { customer_id: mine.id, product: '外呼坐席年费', amount_fen: 1000000 },
  });
  assert.equal(deal.status, 201, JSON.stringify(deal.json));
  const id = deal.json.id;
  const huge = await api(srv.base, 'POST', `/api/v1/deals/${id}/payments`, { token: agent01, body: { amount_fen: 101000000 } });
  assert.equal(huge.status, 422);
  assert.equal(huge.json.error.code, 'deal.payment_exceeds_amount');
  assert.deepEqual([huge.json.error.details.deal_amount_fen, huge.json.error.details.payable_fen], [1000000, 1000000]);
  assert.match(huge.json.error.message, /1010000\.00.*10000\.00/);
  assert.equal((await api(srv.base, 'POST', `/api/v1/deals/${id}/payments`, { token: agent01, body: { amount_fen: 600000 } })).status, 201);
  const over = await api(srv.base, 'POST', `/api/v1/deals/${id}/payments`, { token: agent01, body: { amount_fen: 400001 } });
  assert.equal(over.status, 422);
  assert.equal(over.json.error.details.payable_fen, 400000);
  // Correcting the amount: the agent may not; the supervisor may, with a reason, never below what was paid.
  assert.equal((await api(srv.base, 'PATCH', `/api/v1/deals/${id}`, { token: agent01, body: { amount_fen: 2000000, reason: '合同改签' } })).status, 403);
  const noReason = await api(srv.base, 'PATCH', `/api/v1/deals/${id}`, { token: supervisor1, body: { amount_fen: 2000000 } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.details.field, 'reason');
  const below = await api(srv.base, 'PATCH', `/api/v1/deals/${id}`, { token: supervisor1, body: { amount_fen: 500000, reason: '降价' } });
  assert.equal(below.status, 422);
  const fixed = await api(srv.base, 'PATCH', `/api/v1/deals/${id}`, { token: supervisor1, body: { amount_fen: 2000000, reason: '合同改签为两年' } });
  assert.equal(fixed.status, 200, JSON.stringify(fixed.json));
  assert.equal(fixed.json.amount_fen, 2000000);
  assert.equal((await api(srv.base, 'POST', `/api/v1/deals/${id}/payments`, { token: agent01, body: { amount_fen: 1400000 } })).status, 201);
  const audit = await api(srv.base, 'GET', `/api/v1/audit?entity=deal&entity_id=${id}`, { token: admin });
  const row = audit.json.items.find((a) => a.action === 'deal.amount_correction');
  assert.ok(row, JSON.stringify(audit.json.items.map((a) => a.action)));
  assert.deepEqual([row.before.amount_fen, row.after.amount_fen, row.detail.reason], [1000000, 2000000, '合同改签为两年']);
  // The deals import: a payment above its deal is a rejected line.
  const sheet = ['合同编号,客户电话,坐席,产品,成交金额,成交日期,回款金额,回款日期',
    `HT-OVER-1,${mine.phones[0].slice(3)},agent01,短信包,100,2026-11-01,10100,2026-11-02`,
    `HT-OK-1,${mine.phones[0].slice(3)},agent01,短信包,100,2026-11-01,100,2026-11-02`,
    `HT-OK-1,${mine.phones[0].slice(3)},agent01,短信包,100,2026-11-01,0.01,2026-11-03`].join('\r\n') + '\r\n';
  const imp = await upload('/api/v1/deals/import?partial=true', supervisor1, sheet);
  assert.equal(imp.status, 200, JSON.stringify(imp.json));
  assert.deepEqual(imp.json.errors.map((e) => e.line), [2, 4]);
  assert.match(imp.json.errors[0].reason, /10100\.00/);
  assert.equal(imp.json.payments_created, 1);
  const again = await upload('/api/v1/deals/import?partial=true', supervisor1, sheet);
  assert.equal(again.json.payments_created, 0, 'a re-import adds nothing and refuses nothing new');
  assert.deepEqual(again.json.errors.map((e) => e.line), [2, 4]);
});

// --- Low ---

test('cookie-authenticated writes accept a cross-site text/plain POST: refused, and the cookie and page are hardened', async () => {
  const res = await fetch(srv.base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /; Secure/);
  const session = cookie.split(';')[0];
  const plain = await fetch(srv.base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  assert.doesNotMatch(plain.headers.get('set-cookie'), /Secure/, 'plain HTTP: no Secure flag');
  const body = JSON.stringify({ username: 'csrf01', role: 'admin', team_id: 1, password: 'forged-pass-1' });
  const textPlain = await fetch(srv.base + '/api/v1/users', { method: 'POST', headers: { cookie: session, 'content-type': 'text/plain' }, body });
  assert.equal(textPlain.status, 415);
  const forged = await fetch(srv.base + '/api/v1/users', {
    method: 'POST', headers: { cookie: session, 'content-type': 'application/json', origin: 'http://evil.example' }, body,
  });
  assert.equal(forged.status, 403);
  assert.equal((await forged.json()).error.code, 'auth.cross_site');
  const crossSite = await fetch(srv.base + '/api/v1/users', {
    method: 'POST', headers: { cookie: session, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body,
  });
  assert.equal(crossSite.status, 403);
  const sameOrigin = await fetch(srv.base + '/api/v1/users', {
    method: 'POST', headers: { cookie: session, 'content-type': 'application/json', origin: srv.base, 'sec-fetch-site': 'same-origin' }, body,
  });
  assert.equal(sameOrigin.status, 201, 'the web app itself still writes');
  const users = await api(srv.base, 'GET', '/api/v1/users?q=csrf&limit=10', { token: admin });
  assert.equal(users.json.items.length, 1, 'only the same-origin request created the user');
  const home = await fetch(srv.base + '/');
  assert.equal(home.headers.get('x-frame-options'), 'DENY');
  assert.match(home.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.match(home.headers.get('content-security-policy'), /script-src 'self'/);
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
});

test('concurrent wrong passwords from several addresses: at most 5 guesses are checked before the lock', async () => {
  const team = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json.team_id;
  assert.equal((await api(srv.base, 'POST', '/api/v1/users', { token: admin, body: { username: 'guessme', role: 'agent', team_id: team, password: 'right-pass-9' } })).status, 201);
  const tries = await Promise.all(Array.from({ length: 16 }, (_, i) => api(srv.base, 'POST', '/api/v1/auth/login', {
    body: { username: 'guessme', password: `wrong-guess-${i}` }, headers: { 'x-forwarded-for': `10.9.0.${i}` },
  })));
  const checked = tries.filter((r) => r.status === 401).length;
  assert.ok(checked <= 5, `${checked} guesses were checked`);
  assert.equal(tries.filter((r) => r.status === 429).length, 16 - checked);
  const right = await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'guessme', password: 'right-pass-9' } });
  assert.equal(right.status, 429, 'locked: even the right password waits');
});

test('passwords: counted in characters, not blank, not the most common', async () => {
  const team = (await api(srv.base, 'GET', `/api/v1/users/${ids.agent01}`, { token: admin })).json.team_id;
  for (const password of ['密码安全很重要', '          ', '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000', '12345678', 'Password1', 'woaini1314']) {
    const r = await api(srv.base, 'POST', '/api/v1/users', { token: admin, body: { username: 'pwrule', role: 'agent', team_id: team, password } });
    assert.equal(r.status, 400, JSON.stringify(password));
    assert.equal(r.json.error.details.field, 'password');
  }
  const ok = await api(srv.base, 'POST', '/api/v1/users', { token: admin, body: { username: 'pwrule', role: 'agent', team_id: team, password: '密码安全真的很重要' } });
  assert.equal(ok.status, 201, JSON.stringify(ok.json));
  assert.equal((await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'pwrule', password: '密码安全真的很重要' } })).status, 200);
});

test('existence leaks out of scope: no pool id for a pool phone, no id in the deals import, one open claim per pair', async () => {
  const pool = await poolCustomer(2);
  const asAgent = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '探号公司', contact_name: '孙八', phones: [pool.phones[0]] },
  });
  assert.equal(asAgent.status, 409);
  assert.equal(asAgent.json.error.details.customer_id, undefined, 'the agent is not told which pool customer holds it');
  const asSupervisor = await api(srv.base, 'POST', '/api/v1/customers', {
    token: supervisor1, body: { company: '探号公司', contact_name: '孙八', phones: [pool.phones[0]] },
  });
  assert.equal(asSupervisor.json.error.details.customer_id, pool.id, 'the supervisor sees the pool and may know');
  // Deals import naming another group's customer by phone.
  const theirs = await customerOf('agent11', 3);
  const sheet = `客户电话,坐席,产品,成交金额,成交日期\r\n${theirs.phones[0].slice(3)},agent01,短信包,100,2026-11-01\r\n`;
  const imp = await upload('/api/v1/deals/import', supervisor1, sheet);
  assert.equal(imp.status, 422, JSON.stringify(imp.json));
  assert.match(imp.json.errors[0].reason, /outside your scope/);
  assert.ok(!imp.json.errors[0].reason.includes(String(theirs.id)), imp.json.errors[0].reason);
  // Creating a customer with another agent's phone, again and again and at once: one open claim.
  const other = await customerOf('agent11', 4);
  const tries = await Promise.all(Array.from({ length: 12 }, () => api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '重复撞单公司', contact_name: '周九', phones: [other.phones[0]] },
  })));
  const claimIds = new Set(tries.map((r) => r.json.error.details.claim_id));
  assert.equal(claimIds.size, 1, JSON.stringify([...claimIds]));
  const open = Number(sql(dir, `SELECT COUNT(*) FROM duplicate_claims WHERE status = 'open' AND customer_id = ${other.id} AND claimant_id = ${ids.agent01}`).trim());
  assert.equal(open, 1);
});

test('invisible-only text counts as blank; bidi overrides and NUL are stripped; a damaged UTF-8 file is named as such', async () => {
  const blank = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: '\u200b\u200d\ufeff', contact_name: '\u3000\u200c', phones: ['13577778888'] },
  });
  assert.equal(blank.status, 400, JSON.stringify(blank.json));
  assert.equal(blank.json.error.details.field, 'company');
  const tricky = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: 'ABC\u202eevil\u202c公司', contact_name: '吴\u0000十', phones: ['13577778888'] },
  });
  assert.equal(tricky.status, 201, JSON.stringify(tricky.json));
  assert.equal(tricky.json.company, 'ABCevil公司');
  assert.equal(tricky.json.contact_name, '吴十');
  const text = '单位名称,联系人,电话\r\n北京甲公司,王一,13511112222\r\n上海乙公司,李二,13511113333\r\n广州丙公司,张三,13511114444\r\n';
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(Buffer.from('李二'));
  const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
  const r = await api(srv.base, 'POST', '/api/v1/customers/import?pool=true', { token: supervisor1, raw: damaged, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 400, JSON.stringify(r.json));
  assert.equal(r.json.error.code, 'import.bad_utf8');
  assert.deepEqual([r.json.error.details.line, r.json.error.details.byte], [3, at + 1]);
});

test('a malformed cursor on GET /api/v1/calls answers 400 like the other lists', async () => {
  for (const cursor of ['!!!', Buffer.from(JSON.stringify(['abc', 1])).toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
    const r = await api(srv.base, 'GET', `/api/v1/calls?cursor=${cursor}`, { token: agent01 });
    assert.equal(r.status, 400, cursor);
    assert.equal(r.json.error.details.field, 'cursor');
  }
});
