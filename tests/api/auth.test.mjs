import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, cli, ADMIN_PASSWORD } from './helpers.mjs';

let dir, srv;
before(async () => { dir = freshData(); srv = await startServer(dir); });
after(async () => { await srv.stop(); cleanup(dir); });

test('login answers a token, the user and an HttpOnly SameSite=Strict cookie', async () => {
  const r = await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  assert.equal(r.status, 200);
  assert.match(r.json.token, /^[0-9a-f]{64}$/);
  assert.equal(r.json.user.username, 'admin');
  assert.equal(r.json.user.role, 'admin');
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /waihu_session=[0-9a-f]{64}/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  // The cookie alone authenticates a browser.
  const me = await api(srv.base, 'GET', '/api/v1/auth/me', { headers: { cookie: cookie.split(';')[0] } });
  assert.equal(me.status, 200);
  assert.equal(me.json.username, 'admin');
});

test('wrong password is 401, missing or bogus token is 401', async () => {
  const bad = await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'nope-nope' } });
  assert.equal(bad.status, 401);
  assert.equal(bad.json.error.code, 'auth.invalid_credentials');
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers')).status, 401);
  assert.equal((await api(srv.base, 'GET', '/api/v1/customers', { token: 'f'.repeat(64) })).status, 401);
});

test('logout revokes the token', async () => {
  const token = await login(srv.base, 'admin', ADMIN_PASSWORD);
  assert.equal((await api(srv.base, 'GET', '/api/v1/auth/me', { token })).status, 200);
  assert.equal((await api(srv.base, 'POST', '/api/v1/auth/logout', { token })).status, 200);
  assert.equal((await api(srv.base, 'GET', '/api/v1/auth/me', { token })).status, 401);
});

test('failed logins are rate-limited per account with Retry-After', async () => {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const teams = await api(srv.base, 'GET', '/api/v1/teams', { token: admin });
  const created = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'victim', role: 'agent', team_id: teams.json.items[0].id, password: 'right-password' },
  });
  assert.equal(created.status, 201);
  for (let i = 0; i < 5; i++) {
    const r = await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'victim', password: 'wrong-' + i } });
    assert.equal(r.status, 401);
  }
  const locked = await api(srv.base, 'POST', '/api/v1/auth/login', { body: { username: 'victim', password: 'right-password' } });
  assert.equal(locked.status, 429);
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
  assert.equal(locked.json.error.code, 'auth.too_many_attempts');
});

test('bad bodies: malformed JSON, unknown field, wrong type, oversized — 4xx naming the field', async () => {
  const token = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const malformed = await api(srv.base, 'POST', '/api/v1/teams', { token, body: '{"name": ' });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.error.code, 'validation.malformed_json');
  const unknown = await api(srv.base, 'POST', '/api/v1/teams', { token, body: { name: 'x', colour: 'red' } });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.json.error.details.field, 'colour');
  const wrongType = await api(srv.base, 'POST', '/api/v1/teams', { token, body: { name: 42 } });
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.json.error.details.field, 'name');
  const huge = await api(srv.base, 'POST', '/api/v1/teams', { token, body: { name: 'x'.repeat(2 * 1024 * 1024) } });
  assert.equal(huge.status, 413);
  assert.equal(huge.json.error.details.field, 'body');
  const teams = await api(srv.base, 'GET', '/api/v1/teams', { token });
  assert.equal(teams.json.items.length, 1, 'nothing written by any of the bad requests');
});

test('teams and users: admin creates, agents are forbidden', async () => {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const root = (await api(srv.base, 'GET', '/api/v1/teams', { token: admin })).json.items[0];
  const team = await api(srv.base, 'POST', '/api/v1/teams', { token: admin, body: { name: '电销四组', parent_id: root.id } });
  assert.equal(team.status, 201);
  assert.equal(team.json.parent_id, root.id);
  const dupTeam = await api(srv.base, 'POST', '/api/v1/teams', { token: admin, body: { name: '电销四组' } });
  assert.equal(dupTeam.status, 409);
  const user = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin,
    body: { username: 'newagent', display_name: '新人', role: 'agent', team_id: team.json.id, password: 'agent-pass-1', extension: '8099', hired_on: '2026-11-01', prior_months: 6 },
  });
  assert.equal(user.status, 201);
  assert.equal(user.json.extension, '8099');
  assert.equal(user.json.employment_status, 'probation');
  const badDate = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'baddate', role: 'agent', team_id: team.json.id, password: 'agent-pass-1', hired_on: '2026-02-30' },
  });
  assert.equal(badDate.status, 400);
  assert.equal(badDate.json.error.details.field, 'hired_on');
  const agent = await login(srv.base, 'newagent', 'agent-pass-1');
  assert.equal((await api(srv.base, 'POST', '/api/v1/teams', { token: agent, body: { name: 'x' } })).status, 403);
  assert.equal((await api(srv.base, 'GET', '/api/v1/audit', { token: agent })).status, 403);
  // Disabling signs the user out at once.
  const dis = await api(srv.base, 'POST', `/api/v1/users/${user.json.id}/disable`, { token: admin });
  assert.equal(dis.status, 200);
  assert.equal(dis.json.disabled, true);
  assert.equal((await api(srv.base, 'GET', '/api/v1/auth/me', { token: agent })).status, 401);
  const audit = await api(srv.base, 'GET', '/api/v1/audit?entity=user&entity_id=' + user.json.id, { token: admin });
  assert.deepEqual(audit.json.items.map((e) => e.action).filter((a) => a.startsWith('user.')), ['user.disable', 'user.create']);
  assert.equal(audit.json.items[0].before.disabled, false);
  assert.equal(audit.json.items[0].after.disabled, true);
  // Re-enabled, the user signs in again; the audit says so.
  const back = await api(srv.base, 'POST', `/api/v1/users/${user.json.id}/enable`, { token: admin });
  assert.equal(back.status, 200);
  assert.equal(back.json.disabled, false);
  assert.ok(await login(srv.base, 'newagent', 'agent-pass-1'));
  const again = await api(srv.base, 'GET', '/api/v1/audit?action=user.enable&entity_id=' + user.json.id, { token: admin });
  assert.equal(again.json.items.length, 1);
  assert.equal(again.json.items[0].action_label.en, 'User re-enabled');
  assert.equal((await api(srv.base, 'POST', `/api/v1/users/${user.json.id}/enable`, { token: agent })).status, 401, 'the old session stays ended');
});

test('an admin cannot disable their own account, nor the last active admin be disabled or demoted', async () => {
  const admin = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const me = (await api(srv.base, 'GET', '/api/v1/auth/me', { token: admin })).json;
  const self = await api(srv.base, 'POST', `/api/v1/users/${me.id}/disable`, { token: admin });
  assert.equal(self.status, 422);
  assert.equal(self.json.error.code, 'user.self_lockout');
  // A second admin may not remove the only other admin once it is the last one standing.
  const team = me.team_id;
  const second = await api(srv.base, 'POST', '/api/v1/users', {
    token: admin, body: { username: 'admin2', display_name: '副管理员', role: 'admin', team_id: team, password: 'admin-pass-2' },
  });
  assert.equal(second.status, 201);
  const admin2 = await login(srv.base, 'admin2', 'admin-pass-2');
  const off = await api(srv.base, 'POST', `/api/v1/users/${me.id}/disable`, { token: admin2 });
  assert.equal(off.status, 200, 'two admins: one may disable the other');
  const last = await api(srv.base, 'PATCH', `/api/v1/users/${second.json.id}`, { token: admin2, body: { role: 'manager' } });
  assert.equal(last.status, 422);
  assert.equal(last.json.error.code, 'user.self_lockout');
  const reenabled = await api(srv.base, 'POST', `/api/v1/users/${me.id}/enable`, { token: admin2 });
  assert.equal(reenabled.status, 200);
  // admin2 disabled by admin, then admin is the last: demoting admin through another account is refused.
  assert.equal((await api(srv.base, 'POST', `/api/v1/users/${second.json.id}/disable`, { token: await login(srv.base, 'admin', ADMIN_PASSWORD) })).status, 200);
  const fresh = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const manager = (await api(srv.base, 'POST', '/api/v1/users', {
    token: fresh, body: { username: 'mgr9', display_name: '经理九', role: 'manager', team_id: team, password: 'mgr-pass-99' },
  })).json;
  assert.ok(manager.id);
  const lastAdmin = await api(srv.base, 'PATCH', `/api/v1/users/${me.id}`, { token: fresh, body: { display_name: '管理员' } });
  assert.equal(lastAdmin.status, 200, 'editing the last admin is fine');
  const users = await api(srv.base, 'GET', '/api/v1/users?role=admin&disabled=false', { token: fresh });
  assert.deepEqual(users.json.items.map((u) => u.username), ['admin']);
  // The command line acts as no user: the last active admin is what stops it.
  const cliOff = cli(dir, ['user', 'disable', 'admin']);
  assert.notEqual(cliOff.status, 0);
  assert.match(cliOff.stderr, /last|管理员/);
  assert.equal(cli(dir, ['user', 'enable', 'admin2']).status, 0);
  assert.equal(cli(dir, ['user', 'disable', 'admin']).status, 0, 'with admin2 back, admin may go');
  assert.equal(cli(dir, ['user', 'enable', 'admin']).status, 0);
});

test('health, home page and OpenAPI are served', async () => {
  const h = await api(srv.base, 'GET', '/healthz');
  assert.equal(h.status, 200);
  assert.equal(h.json.status, 'ok');
  const home = await fetch(srv.base + '/');
  assert.equal(home.status, 200);
  assert.match(await home.text(), /Waihu/);
  const doc = await api(srv.base, 'GET', '/api/openapi.json');
  assert.equal(doc.status, 200);
  assert.match(doc.json.openapi, /^3\./);
  assert.ok(doc.json.paths['/api/v1/customers'].get);
});
