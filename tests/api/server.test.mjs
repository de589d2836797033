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

// Sends raw bytes and collects what comes back until the server closes or `ms` pass.
async function rawExchange(base, bytes, ms = 5000) {
  const net = await import('node:net');
  const url = new URL(base);
  const sock = net.connect(Number(url.port), url.hostname);
  await new Promise((r) => sock.on('connect', r));
  const started = Date.now();
  let got = '';
  sock.on('data', (d) => { got += d.toString('latin1'); });
  const done = new Promise((r) => { sock.on('close', r); sock.on('error', r); setTimeout(r, ms); });
  sock.write(bytes);
  await done;
  sock.destroy();
  const status = Number((got.match(/^HTTP\/1\.1 (\d{3})/) || [])[1]);
  const body = got.includes('\r\n\r\n') ? got.slice(got.indexOf('\r\n\r\n') + 4) : '';
  return { status, body, ms: Date.now() - started };
}

test('HTTP edges answer instead of hanging or closing: 408, 400, 414, 413 with the error body', async () => {
  const dir = freshData();
  const srv = await startServer(dir, ['--body-timeout', '1', '--max-upload-mb', '1']);
  try {
    await httpEdges(srv);
  } finally {
    await srv.stop();
    cleanup(dir);
  }
});

async function httpEdges(srv) {
  const host = new URL(srv.base).host;
  // A body shorter than its Content-Length: 408 within seconds, not minutes.
  const short = await rawExchange(srv.base, `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user`);
  assert.equal(short.status, 408, short.body);
  assert.ok(short.ms < 4000, `answered after ${short.ms} ms`);
  assert.equal(JSON.parse(short.body).error.code, 'http.body_timeout');
  // Malformed and repeated Content-Length.
  const bad = await rawExchange(srv.base, `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\n`);
  assert.equal(bad.status, 400);
  assert.equal(JSON.parse(bad.body).error.code, 'http.bad_request');
  const twice = await rawExchange(srv.base, `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`);
  assert.equal(twice.status, 400);
  // Over-long URLs, under and over the header limit.
  for (const n of [10000, 40000]) {
    const long = await rawExchange(srv.base, `GET /api/v1/customers?q=${'a'.repeat(n)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    assert.equal(long.status, 414, `${n}: ${long.body}`);
    assert.equal(JSON.parse(long.body).error.code, 'http.uri_too_long');
  }
  // An upload over the limit: 413 with the error body, announced or chunked.
  const token = await login(srv.base, 'admin', ADMIN_PASSWORD);
  const big = Buffer.alloc(2 << 20, 'a');
  const announced = await api(srv.base, 'POST', '/api/v1/customers/import?pool=true', { token, raw: big, headers: { 'content-type': 'text/csv' } });
  assert.equal(announced.status, 413);
  assert.equal(announced.json.error.code, 'http.body_too_large');
  const chunked = await rawExchange(srv.base, `POST /api/v1/customers/import HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n${(2 << 20).toString(16)}\r\n${'a'.repeat(2 << 20)}\r\n0\r\n\r\n`);
  assert.equal(chunked.status, 413);
  assert.equal(JSON.parse(chunked.body).error.code, 'http.body_too_large');
  // The server is still well.
  assert.equal((await api(srv.base, 'GET', '/healthz')).status, 200);
}
