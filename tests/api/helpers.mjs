// Starts the real waihu binary on a free port with a temporary data directory, and talks HTTP to it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.WAIHU_BIN || new URL('../../build/waihu', import.meta.url).pathname;
export const ADMIN_PASSWORD = 'admin1234';
export const DEMO_PASSWORD = 'demo1234';

/** Runs a waihu command synchronously; returns {status, stdout, stderr}. */
export function cli(dataDir, args, options = {}) {
  try {
    const stdout = execFileSync(BIN, ['--data', dataDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout?.toString() ?? '', stderr: e.stderr?.toString() ?? '' };
  }
}

/** A fresh data directory with an initialised database (optionally the demo company). */
export function freshData({ demo = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'waihu-api-'));
  const args = ['init', '--admin-password', ADMIN_PASSWORD];
  if (demo) args.push('--demo');
  const r = cli(dir, args);
  if (r.status !== 0) throw new Error(`init failed: ${r.stderr}`);
  return dir;
}

/** Starts `waihu serve --port 0`; resolves when it prints its address. */
export async function startServer(dataDir, extraArgs = []) {
  const child = spawn(BIN, ['--data', dataDir, 'serve', '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    base,
    child,
    logs: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** fetch against the server, JSON in and out. */
export async function api(base, method, path, { token, body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) { payload = typeof body === 'string' ? body : JSON.stringify(body); h['content-type'] = 'application/json'; }
  const res = await fetch(base + path, { method, headers: h, body: payload });
  const buf = Buffer.from(await res.arrayBuffer());
  let json = null;
  if ((res.headers.get('content-type') || '').includes('json')) json = JSON.parse(buf.toString('utf8'));
  return { status: res.status, headers: res.headers, json, buf };
}

export async function login(base, username, password) {
  const r = await api(base, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.token;
}

/** UTF-8 text → GB18030 bytes, as Chinese Excel saves a CSV (iconv from Debian's libc-bin). */
export function gbk(text) {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
}

export function cleanup(dir) { rmSync(dir, { recursive: true, force: true }); }
