import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, demoCast, DEMO_PASSWORD } from './helpers.mjs';

let dir, srv, admin, agent01, agent11, supervisor1, qa;
let ids = {};
before(async () => {
  dir = freshData({ demo: true });
  srv = await startServer(dir);
  ({ admin, agent01, agent11, supervisor1, qa, ids } = await demoCast(srv.base));
});
after(async () => { await srv.stop(); cleanup(dir); });

async function firstOwnedBy(userId) {
  const r = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${userId}&limit=1`, { token: admin });
  return r.json.items[0];
}

test('an agent cannot read or change another team\'s customer by id', async () => {
  const theirs = await firstOwnedBy(ids.agent11);
  const read = await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: agent01 });
  assert.equal(read.status, 404);
  const change = await api(srv.base, 'PATCH', `/api/v1/customers/${theirs.id}`, { token: agent01, body: { notes: 'mine now' } });
  assert.equal(change.status, 404);
  const after = await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin });
  assert.equal(after.json.notes, theirs.notes, 'nothing changed');
  // …nor a teammate's: agents see only their own.
  const mate = await firstOwnedBy(ids.agent02);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${mate.id}`, { token: agent01 })).status, 404);
});

test('an agent lists own customers and the pool; pool phones are masked, own are not', async () => {
  let cursor = null, own = 0, pool = 0;
  do {
    const r = await api(srv.base, 'GET', '/api/v1/customers?limit=500' + (cursor ? '&cursor=' + cursor : ''), { token: agent01 });
    assert.equal(r.status, 200);
    for (const c of r.json.items) {
      if (c.owner_id === null) { pool++; assert.match(c.phones[0], /\*\*\*\*/); }
      else { own++; assert.equal(c.owner_id, ids.agent01); assert.match(c.phones[0], /^\+86\d+$/); }
    }
    cursor = r.json.next_cursor;
  } while (cursor);
  assert.ok(own > 50 && pool > 500, `own ${own}, pool ${pool}`);
  const poolOne = (await api(srv.base, 'GET', '/api/v1/customers?pool=true&limit=1', { token: agent01 })).json.items[0];
  const write = await api(srv.base, 'PATCH', `/api/v1/customers/${poolOne.id}`, { token: agent01, body: { notes: 'x' } });
  assert.equal(write.status, 403, 'the pool is read-only for agents');
});

test('a supervisor sees the team subtree; QA sees masked phones and cannot write', async () => {
  const mine = await firstOwnedBy(ids.agent03);
  const other = await firstOwnedBy(ids.agent15);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${mine.id}`, { token: supervisor1 })).status, 200);
  assert.equal((await api(srv.base, 'GET', `/api/v1/customers/${other.id}`, { token: supervisor1 })).status, 404);
  const listed = await api(srv.base, 'GET', `/api/v1/customers?owner_id=${ids.agent15}`, { token: supervisor1 });
  assert.equal(listed.json.items.length, 0);
  const seen = await api(srv.base, 'GET', `/api/v1/customers/${mine.id}`, { token: qa });
  assert.equal(seen.status, 200);
  assert.match(seen.json.phones[0], /^\d{3}\*\*\*\*\d{4}$/);
  assert.equal((await api(srv.base, 'PATCH', `/api/v1/customers/${mine.id}`, { token: qa, body: { notes: 'x' } })).status, 403);
});

test('create normalises phones; errors name the field; nothing is written on error', async () => {
  const created = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01,
    body: { company: '杭州新创信息技术有限公司', contact_name: '周杰', phones: ['+86 139-0000-1111', '010-62345678'], grade: 'b', headcount: 80, tags: ['重点'] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.deepEqual(created.json.phones, ['+8613900001111', '+861062345678']);
  assert.equal(created.json.grade, 'B');
  assert.equal(created.json.owner_id, ids.agent01, "an agent's new customer is their own");
  assert.equal(created.json.phone_details[1].kind, 'fixed');
  assert.equal(created.json.phone_details[1].province, '北京市');
  for (const [body, field] of [
    [{ company: '甲', phones: ['12345'] }, 'phones'],
    [{ company: '甲', phones: ['13712345678'], grade: 'E' }, 'grade'],
    [{ company: '甲', phones: ['13712345678'], headcount: -1 }, 'headcount'],
    [{ company: '甲', phones: ['13712345678'], headcount: '12' }, 'headcount'],
    [{ company: '甲', phones: '13712345678' }, 'phones'],
    [{ phones: ['13712345678'] }, 'company'],
    [{ company: '甲', phones: ['13712345678'], colour: 'red' }, 'colour'],
  ]) {
    const r = await api(srv.base, 'POST', '/api/v1/customers', { token: agent01, body });
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.details.field, field, JSON.stringify(r.json));
  }
  const search = await api(srv.base, 'GET', '/api/v1/customers?q=13712345678', { token: admin });
  assert.equal(search.json.items.length, 0, 'no half-written customer');
  const update = await api(srv.base, 'PATCH', `/api/v1/customers/${created.json.id}`, { token: agent01, body: { status: 'interested', notes: '下周回访' } });
  assert.equal(update.status, 200);
  assert.equal(update.json.status, 'interested');
  const back = await api(srv.base, 'PATCH', `/api/v1/customers/${created.json.id}`, { token: agent01, body: { status: 'new' } });
  assert.equal(back.status, 422);
  assert.equal(back.json.error.details.field, 'status');
});

test('a phone held by another agent opens a duplicate claim instead of a twin', async () => {
  const theirs = await firstOwnedBy(ids.agent11);
  const full = await api(srv.base, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin });
  const phone = full.json.phones[0];
  const r = await api(srv.base, 'POST', '/api/v1/customers', { token: agent01, body: { company: '另一个名字', phones: [phone.replace('+86', '')] } });
  assert.equal(r.status, 409);
  assert.equal(r.json.error.code, 'customer.duplicate_claim');
  assert.equal(r.json.error.details.customer_id, undefined, 'the other team\'s customer id is not revealed');
  const claims = await api(srv.base, 'GET', '/api/v1/duplicate-claims', { token: admin });
  const claim = claims.json.items.find((c) => c.id === r.json.error.details.claim_id);
  assert.equal(claim.customer_id, theirs.id);
  assert.equal(claim.holder_id, ids.agent11);
  assert.equal(claim.claimant_id, ids.agent01);
  assert.equal(claim.reason, 'phone');
  // The supervisors of both sides see it; a third group's supervisor does not.
  for (const [user, sees] of [['liqiang', true], ['wangfang', true], ['chenjie', false]]) {
    const t = await login(srv.base, user, DEMO_PASSWORD);
    const list = await api(srv.base, 'GET', '/api/v1/duplicate-claims', { token: t });
    assert.equal(list.json.items.some((c) => c.id === claim.id), sees, user);
  }
  // Same company name (suffix differs) held by another agent: a claim too.
  const byName = await api(srv.base, 'POST', '/api/v1/customers', {
    token: agent01, body: { company: full.json.company.replace('有限公司', ''), phones: ['13600001234'] },
  });
  assert.equal(byName.status, 409);
  assert.equal(byName.json.error.details.reason, 'company');
});

test('paging: limit is honoured and cursors walk every row once, in each sort', async () => {
  for (const sort of ['-id', 'company', '-updated_at']) {
    const seen = new Set();
    let cursor = null, pages = 0;
    do {
      const r = await api(srv.base, 'GET', `/api/v1/customers?grade=A&sort=${sort}&limit=37` + (cursor ? '&cursor=' + cursor : ''), { token: admin });
      assert.equal(r.status, 200);
      assert.ok(r.json.items.length <= 37);
      for (const c of r.json.items) { assert.ok(!seen.has(c.id), 'no row twice'); seen.add(c.id); assert.equal(c.grade, 'A'); }
      cursor = r.json.next_cursor;
      pages++;
    } while (cursor);
    assert.ok(seen.size > 150 && seen.size < 400, `A customers: ${seen.size}`);
    assert.ok(pages > 4);
  }
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?limit=0', { token: admin })).status, 400);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?limit=5000', { token: admin })).status, 400);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?cursor=garbage', { token: admin })).status, 400);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?sort=phone', { token: admin })).status, 400);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers?colour=red', { token: admin })).status, 400);
  const one = await api(srv.base, 'GET', '/api/v1/customers?limit=1', { token: admin });
  assert.equal(one.json.items.length, 1);
});

test('filters: status, region, tag, team and free text', async () => {
  const won = await api(srv.base, 'GET', '/api/v1/customers?status=won&limit=100', { token: admin });
  assert.ok(won.json.items.length > 0 && won.json.items.every((c) => c.status === 'won'));
  const bj = await api(srv.base, 'GET', '/api/v1/customers?region=' + encodeURIComponent('北京市'), { token: admin });
  assert.ok(bj.json.items.every((c) => c.region === '北京市'));
  const tagged = await api(srv.base, 'GET', '/api/v1/customers?tag=' + encodeURIComponent('重点'), { token: admin });
  assert.ok(tagged.json.items.length > 0 && tagged.json.items.every((c) => c.tags.includes('重点')));
  const teams = (await api(srv.base, 'GET', '/api/v1/teams', { token: admin })).json.items;
  const g2 = teams.find((t) => t.name === '电销二组');
  const inTeam = await api(srv.base, 'GET', `/api/v1/customers?team_id=${g2.id}&limit=200`, { token: admin });
  const g2users = (await api(srv.base, 'GET', `/api/v1/users?team_id=${g2.id}`, { token: admin })).json.items.map((u) => u.id);
  assert.ok(inTeam.json.items.length > 0 && inTeam.json.items.every((c) => g2users.includes(c.owner_id)));
  const some = won.json.items[0];
  const byName = await api(srv.base, 'GET', '/api/v1/customers?q=' + encodeURIComponent(some.company.slice(0, 6)), { token: admin });
  assert.ok(byName.json.items.some((c) => c.id === some.id));
  const full = await api(srv.base, 'GET', `/api/v1/customers/${some.id}`, { token: admin });
  const digits = full.json.phones[0].replace('+86', '').slice(-8);
  const byPhone = await api(srv.base, 'GET', '/api/v1/customers?q=' + digits, { token: admin });
  assert.ok(byPhone.json.items.some((c) => c.id === some.id));
});
