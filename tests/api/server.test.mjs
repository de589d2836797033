import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshData, startServer, api, login, cleanup, cli, sql, ADMIN_PASSWORD } from './helpers.mjs';

test('SIGTERM lets the request in flight finish, then the server exits cleanly', async () => {
  const dir = freshData();
  const srv = await startServer(dir);
  const token = await login(srv.base, 'admin', ADMIN_PASSWORD);
  let rows = 'company,phone\n';
  for (let i = 0; i < 40000; i++) rows += `公司${i},1390${String(i).padStart(7, '0')}\n`;
  const inFlight = api(srv.base, 'POST', '/api/v1/customers/import?pool=true', { token, raw: rows, headers: { 'content-type': 'text/csv' } });
  await new Promise((r) => setTimeout(r, 150));
  srv.child.kill('SIGTERM');
  const r = await inFlight;
  assert.equal(r.status, 200);
  assert.equal(r.json.created, 40000, 'the import finished and committed');
  const exit = await srv.exited;
  assert.equal(exit.code, 0);
  assert.match(srv.logs(), /"type":"shutdown"/);
  // Every request left one structured access-log line.
  const access = srv.logs().split('\n').filter((l) => l.includes('"type":"access"'));
  assert.equal(access.length, 2);
  assert.match(access[1], /"method":"POST","target":"\/api\/v1\/customers\/import","status":200/);
  cleanup(dir);
});

test('the server refuses a database newer than itself, with a clear message', async () => {
  const dir = freshData();
  sql(dir, "INSERT INTO schema_migrations VALUES (999, '999_future.sql', 0)");
  const r = cli(dir, ['serve', '--port', '0']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /newer than this waihu/);
  cleanup(dir);
});

test('a keep-alive client that goes quiet does not stop the server from stopping', async () => {
  const dir = freshData();
  const srv = await startServer(dir);
  const net = await import('node:net');
  const url = new URL(srv.base);
  const sock = net.connect(Number(url.port), url.hostname);
  await new Promise((r) => sock.on('connect', r));
  sock.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((r) => sock.once('data', r));
  const started = Date.now();
  srv.child.kill('SIGTERM');
  const exit = await srv.exited;
  assert.equal(exit.code, 0);
  assert.ok(Date.now() - started < 3000, 'idle connections are closed at once');
  sock.destroy();
  cleanup(dir);
});
