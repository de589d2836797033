// Starts the real waihu binary on a free port with a temporary data directory, and talks HTTP to it.
//
// The store under test is SQLite, or PostgreSQL when WAIHU_TEST_PG holds a server's URL (scripts/test.sh starts a
// throwaway one and runs every suite twice): each data directory then gets its own database on that server.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.WAIHU_BIN || new URL('../../build/waihu', import.meta.url).pathname;
/** A preset policy file of the repository (policies/NAME.toml). */
export const preset = (name) => new URL(`../../policies/${name}.toml`, import.meta.url).pathname;
/** Puts a preset policy in force in a data directory, before its server starts. */
export function applyPreset(dataDir, name) {
  const r = cli(dataDir, ['policy', 'apply', preset(name)]);
  if (r.status !== 0) throw new Error(`policy apply ${name}: ${r.stderr}`);
}
export const ADMIN_PASSWORD = 'admin1234';
export const DEMO_PASSWORD = 'demo1234';
/** The PostgreSQL server's URL (…/postgres), or undefined when the tests run on SQLite. */
/** Today in the company's time (Asia/Shanghai, UTC+8), "YYYY-MM-DD". */
export const companyToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
/** The month before `day`'s, "YYYY-MM": a month that is over. */
export function monthBefore(day) {
  const [year, month] = day.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export const PG = process.env.WAIHU_TEST_PG || undefined;
export const STORE = PG ? 'postgresql' : 'sqlite';

const databaseOf = new Map(); // data directory → its PostgreSQL database name
let databases = 0;

/** The --db URL of a data directory's database (undefined on SQLite: the default file in the directory). */
export function dbUrl(dataDir) {
  const name = databaseOf.get(dataDir);
  return name ? pgUrl(name) : undefined;
}

function pgUrl(database) {
  const u = new URL(PG);
  u.pathname = '/' + database;
  return u.toString();
}

/** Runs SQL on the store behind a data directory (psql or sqlite3); returns psql/sqlite3's output. */
export function sql(dataDir, statement) {
  const db = dbUrl(dataDir);
  if (db) return execFileSync('psql', ['-qAt', '-v', 'ON_ERROR_STOP=1', db, '-c', statement], { encoding: 'utf8' });
  return execFileSync('sqlite3', [join(dataDir, 'waihu.db'), statement], { encoding: 'utf8' });
}

function admin(statement) {
  execFileSync('psql', ['-qAt', '-v', 'ON_ERROR_STOP=1', PG, '-c', statement], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Runs a waihu command synchronously; returns {status, stdout, stderr}. */
export function cli(dataDir, args, options = {}) {
  const db = dbUrl(dataDir);
  try {
    const stdout = execFileSync(BIN, ['--data', dataDir, ...(db ? ['--db', db] : []), ...args], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options,
    });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout?.toString() ?? '', stderr: e.stderr?.toString() ?? '' };
  }
}

function init(dir, demo) {
  const args = ['init', '--admin-password', ADMIN_PASSWORD];
  if (demo) args.push('--demo');
  const r = cli(dir, args);
  if (r.status !== 0) throw new Error(`init failed: ${r.stderr}`);
}

// On PostgreSQL the demo company is generated once per run and copied (CREATE DATABASE … TEMPLATE) for each test
// file that wants it (a copy takes a second, the generation several). Test files run one at a time.
const DEMO_TEMPLATE = 'waihu_demo_template';
function demoTemplate() {
  const exists = execFileSync('psql', ['-qAt', PG, '-c', `SELECT 1 FROM pg_database WHERE datname = '${DEMO_TEMPLATE}'`], { encoding: 'utf8' });
  if (exists.trim() === '1') return;
  const dir = mkdtempSync(join(tmpdir(), 'waihu-template-'));
  admin(`CREATE DATABASE ${DEMO_TEMPLATE}`);
  databaseOf.set(dir, DEMO_TEMPLATE);
  try {
    init(dir, true);
  } catch (e) {
    admin(`DROP DATABASE ${DEMO_TEMPLATE}`);
    throw e;
  } finally {
    databaseOf.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh data directory with an initialised database (optionally the demo company). `init: false` leaves the
 * database empty (on PostgreSQL: created, without tables). */
export function freshData({ demo = false, init: initialise = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'waihu-api-'));
  if (PG) {
    const name = `waihu_test_${process.pid}_${++databases}`;
    if (demo && initialise) {
      demoTemplate();
      admin(`CREATE DATABASE ${name} TEMPLATE ${DEMO_TEMPLATE}`);
      databaseOf.set(dir, name);
      return dir;
    }
    admin(`CREATE DATABASE ${name}`);
    databaseOf.set(dir, name);
  }
  if (initialise) init(dir, demo);
  return dir;
}

/** Starts `waihu serve --port 0`; resolves when it prints its address. */
export async function startServer(dataDir, extraArgs = []) {
  const db = dbUrl(dataDir);
  const child = spawn(BIN, ['--data', dataDir, ...(db ? ['--db', db] : []), 'serve', '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
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

export function cleanup(dir) {
  const name = databaseOf.get(dir);
  if (name) {
    admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    databaseOf.delete(dir);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Signs in the demo company's usual cast: the admin, agent01 (电销一组), agent11 (电销二组), liqiang (supervisor
 * of 电销一组) and sunli (QA); `ids` maps every username to its user id. */
export async function demoCast(base) {
  const admin = await login(base, 'admin', ADMIN_PASSWORD);
  const cast = {
    admin,
    agent01: await login(base, 'agent01', DEMO_PASSWORD),
    agent11: await login(base, 'agent11', DEMO_PASSWORD),
    supervisor1: await login(base, 'liqiang', DEMO_PASSWORD),
    qa: await login(base, 'sunli', DEMO_PASSWORD),
    ids: {},
  };
  for (const u of (await api(base, 'GET', '/api/v1/users?limit=100', { token: admin })).json.items) cast.ids[u.username] = u.id;
  return cast;
}
