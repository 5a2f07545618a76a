#!/usr/bin/env node
// `npm run test:image`: what can be checked of deploy/Dockerfile without a Docker engine.
//
// 1. Clones the repository's HEAD into a temp dir (a clean checkout: no node_modules, no
//    dist, only committed files).
// 2. Reads the Dockerfile's `build` stage and runs its RUN commands there, in order, with the
//    stage's ENV, through `sh -c` as `docker build` does (its COPY lines copy the whole
//    workspace, which the clone already is).
// 3. Checks the result is what the final stage copies: compiled JavaScript, no sources, no
//    dev dependencies (no tsx, no TypeScript).
// 4. Runs from that tree exactly what the image runs: `node packages/cli/dist/bin.js --help`,
//    `cluster drain --help` (the preStop hook's `--wait`), and a one-node cluster-mode node
//    (`node packages/cli/dist/bin.js server`, the ENTRYPOINT and CMD) until its ready line and
//    /readyz answer, then `rheo cluster status` against it and a graceful SIGTERM.
// Exits non-zero on the first failure; takes one to three minutes (npm ci dominates).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const log = (msg) => process.stdout.write(`[image ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);

/** The RUN commands and ENV of one stage of a Dockerfile, continuation lines joined. */
export function stageSteps(dockerfile, stageName) {
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const runs = [];
  const env = {};
  let inStage = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^FROM\s/i.test(line)) {
      inStage = new RegExp(`\\sAS\\s+${stageName}$`, 'i').test(line);
      continue;
    }
    if (!inStage) continue;
    if (/^RUN\s/i.test(line)) runs.push(line.replace(/^RUN\s+/i, ''));
    if (/^ENV\s/i.test(line)) {
      for (const m of line.replace(/^ENV\s+/i, '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g))
        env[m[1]] = m[2];
    }
  }
  return { runs, env };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function check(condition, message) {
  if (!condition) throw new Error(`image check failed: ${message}`);
}

function run(cmd, args, cwd, env = process.env) {
  return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function startNode(tree, dataDir) {
  const [grpc, metrics] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    RHEO_NODE_ID: '1',
    RHEO_CLUSTER_SECRET: 'image-check-secret-of-at-least-32-chars',
    RHEO_CONTROLLER_VOTERS: `1@127.0.0.1:${grpc}`,
    RHEO_GRPC_LISTEN: `127.0.0.1:${grpc}`,
    RHEO_METRICS_LISTEN: `127.0.0.1:${metrics}`,
    RHEO_DATA_DIR: dataDir,
    RHEO_DEFAULT_REPLICATION_FACTOR: '1',
  };
  // The Dockerfile's ENTRYPOINT (its node flags included) and CMD, with /app/ as the pruned tree.
  const entrypoint = JSON.parse(
    readFileSync(join(repo, 'deploy/Dockerfile'), 'utf8').match(/^ENTRYPOINT (\[.*\])$/m)[1],
  );
  const [command, ...args] = entrypoint.map((a) => a.replace(/^\/app\//, ''));
  const child = spawn(command, [...args, 'server'], {
    cwd: tree,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/"msg":"ready"/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`node exited ${code} before ready:\n${output}`)));
  });
  await ready;
  check(
    !/recommended V8 flags/.test(output),
    `the ENTRYPOINT's node lacks the server's runtime flags:\n${output}`,
  );
  return { child, grpc, metrics };
}

async function waitReadyz(metricsPort) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    check(Date.now() < deadline, `/readyz not 200 within 30 s (last ${res?.status})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'rheo-image-'));
  const tree = join(work, 'app');
  try {
    log(`cloning HEAD of ${repo} into ${tree}`);
    run('git', ['clone', '--quiet', '--no-hardlinks', repo, tree], work);
    const { runs, env } = stageSteps(readFileSync(join(tree, 'deploy/Dockerfile'), 'utf8'), 'build');
    check(runs.length >= 3, `expected the build stage's RUN lines, found ${runs.length}`);
    // The cache makes a repeated check fast; the command itself is the Dockerfile's.
    const stageEnv = { ...process.env, ...env, NPM_CONFIG_PREFER_OFFLINE: 'true' };
    for (const cmd of runs) {
      log(`RUN ${cmd}`);
      execFileSync('sh', ['-c', cmd], { cwd: tree, env: stageEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    }

    log('checking the pruned tree');
    for (const name of readdirSync(join(tree, 'packages'))) {
      check(!existsSync(join(tree, 'packages', name, 'src')), `packages/${name}/src left in the image`);
    }
    for (const dev of ['tsx', 'typescript', 'vitest', '@biomejs/biome']) {
      check(!existsSync(join(tree, 'node_modules', dev)), `dev dependency ${dev} left in the image`);
    }
    check(existsSync(join(tree, 'proto/rheo/v1/cluster.proto')), 'proto/ missing (loaded at run time)');

    const help = run('node', ['packages/cli/dist/bin.js', '--help'], tree);
    check(/Usage: rheo/.test(help), `rheo --help printed:\n${help}`);
    const drainHelp = run('node', ['packages/cli/dist/bin.js', 'cluster', 'drain', '--help'], tree);
    check(
      /--wait/.test(drainHelp),
      'rheo cluster drain --help has no --wait (the chart preStop hook uses it)',
    );

    log('starting a one-node cluster from the pruned tree (the ENTRYPOINT and CMD)');
    const { child, grpc, metrics } = await startNode(tree, join(work, 'data'));
    try {
      await waitReadyz(metrics);
      const status = run(
        'node',
        ['packages/cli/dist/bin.js', 'cluster', 'status', '--json', '--endpoint', `127.0.0.1:${grpc}`],
        tree,
      );
      check(JSON.parse(status).nodes?.length === 1, `cluster status:\n${status}`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const code = await exited;
      check(code === 0, `node exited ${code} on SIGTERM`);
    }
    log('ok');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
