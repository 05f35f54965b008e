// Helpers for the integration tests: run the real `knooppunt` program, start it on a free
// loopback port with its own database, and stop it again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.KNOOPPUNT_BIN || path.join(root, 'build', 'knooppunt');
export const hsdsDir = [path.join(root, '../shared/hsds-3.0'), '/work/shared/hsds-3.0']
  .find((dir) => { try { return spawnSync('test', ['-d', dir]).status === 0; } catch { return false; } });

export function tempDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'knooppunt-it-'));
}

// Runs the program to completion; returns { status, stdout, stderr }.
export function run(args, options = {}) {
  const result = spawnSync(binary, args, { encoding: 'utf8', timeout: 120000, ...options });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// A fresh database: SQLite in a temporary folder, or a new database on the test PostgreSQL
// server when backend is 'postgresql'.
export function freshDatabase(backend = 'sqlite') {
  if (backend === 'sqlite') {
    const dir = tempDir();
    return { url: `sqlite:${dir}/knooppunt.db`, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.KNOOPPUNT_TEST_POSTGRESQL;
  const name = `knooppunt_it_${Math.random().toString(36).slice(2, 10)}`;
  const psql = (sql) => spawnSync('psql', [admin, '-q', '-c', sql], { encoding: 'utf8' });
  const created = psql(`CREATE DATABASE ${name}`);
  if (created.status !== 0) throw new Error(created.stderr);
  return {
    url: admin.replace(/\/[^/]*$/, `/${name}`),
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

// Migrates, loads the demo (unless demo: false) and serves. Returns { url, port, process,
// stderr(), stop() }. `config` lines are written to a configuration file for the server.
export async function startServer({ backend = 'sqlite', demo = true, config = [] } = {}) {
  const database = freshDatabase(backend);
  const port = await freePort();
  const dir = tempDir();
  const configFile = path.join(dir, 'test.conf');
  writeFileSync(configFile, [`static_dir = ${path.join(root, 'static')}`, 'log_level = info',
    `search_index = ${path.join(dir, 'search')}`, ...config].join('\n') + '\n');
  for (const command of demo ? ['migrate', 'demo'] : ['migrate']) {
    const result = run([command, '--database', database.url, '--config', configFile]);
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  }
  const child = spawn(binary, ['serve', '--database', database.url, '--listen', `127.0.0.1:${port}`, '--config', configFile],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (i > 200) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url, port, process: child, database, exited, configFile,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const result = await exited;
      database.drop();
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}

export async function getJson(url) {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

// Sends raw bytes on a new connection and returns everything the server answers until it
// closes the connection (or `timeoutMs` passes).
export function rawRequest(port, bytes, { timeoutMs = 10000, keepOpenMs = 0 } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const started = Date.now();
    const timer = setTimeout(() => { socket.destroy(); resolve({ data, closed: false, ms: Date.now() - started }); }, timeoutMs);
    socket.on('connect', () => {
      socket.write(bytes);
      if (keepOpenMs === 0) return;
    });
    socket.on('data', (d) => { data += d.toString('latin1'); });
    socket.on('error', () => {});
    socket.on('close', () => { clearTimeout(timer); resolve({ data, closed: true, ms: Date.now() - started }); });
  });
}
