// The operator-facing files under deploy/ against the code: every rheo_
// metric name that the alert rules (and their promtool unit tests) and the
// Grafana dashboard reference is one the node's metrics module registers
// (a histogram's _bucket/_sum/_count series included), so a renamed metric
// fails here rather than as a silent empty panel or a never-firing alert;
// docs/metrics.md documents every registered family and no other.
// The files' shapes are checked too: each alert has an expression, a `for`,
// a severity and a summary; each dashboard panel has a unique id, a grid
// position, and queries with a refId. Where Prometheus's promtool is
// installed (Debian's `prometheus` package), it checks the rules, runs their
// unit tests, and checks a live node's /metrics output against its naming
// rules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createNodeMetrics, type NodeMetrics } from '../src/observability/index.js';
import { type NodeParts, produceAndRead, startNodeParts } from './observability-parts.js';

const deployDir = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const read = (path: string) => readFileSync(`${deployDir}${path}`, 'utf8');

interface AlertRule {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos?: { h: number; w: number; x: number; y: number };
  readonly targets?: Array<{ refId: string; expr: string }>;
}

function referencedNames(text: string): Set<string> {
  return new Set(text.match(/\brheo_[a-z0-9_]+/g) ?? []);
}

/** Every series name the registry can expose: the families, and a histogram's three series. */
async function exposedNames(registry: Registry): Promise<Set<string>> {
  const names = new Set<string>();
  for (const m of await registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === 'histogram')
      for (const s of ['_bucket', '_sum', '_count']) names.add(`${m.name}${s}`);
  }
  return names;
}

/** Is promtool installed? With RHEO_REQUIRE_PROMETHEUS=1 (CI, which installs it) its absence fails instead of skipping. */
function promtool(): boolean {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.RHEO_REQUIRE_PROMETHEUS === '1')
      throw new Error('RHEO_REQUIRE_PROMETHEUS=1 but promtool is not installed (apt-get install prometheus)');
    return false;
  }
}

describe('deploy/ files against the metrics the code registers', () => {
  let parts: NodeParts;
  let metrics: NodeMetrics;
  let exposed: Set<string>;

  beforeAll(async () => {
    parts = await startNodeParts(['orders']);
    metrics = createNodeMetrics({
      nodeId: 1,
      store: parts.store,
      host: parts.host,
      transport: parts.transport,
    });
    metrics.controllerMetrics(() => undefined);
    exposed = await exposedNames(metrics.registry);
  });

  afterAll(async () => {
    metrics?.stop();
    await parts?.close();
  });

  it('alert rules reference only registered metrics, and each alert is complete', () => {
    const text = read('prometheus/rheo-alerts.yml');
    const doc = parse(text) as { groups: Array<{ name: string; rules: AlertRule[] }> };
    const rules = doc.groups.flatMap((g) => g.rules);
    const alerts = rules.map((r) => r.alert);
    for (const wanted of [
      'RheoUnderReplicatedShards',
      'RheoNoControllerLeader',
      'RheoIteratorAgeRising',
      'RheoDiskAlmostFull',
      'RheoFsyncLatencyHigh',
    ])
      expect(alerts).toContain(wanted);
    for (const r of rules) {
      expect(r.expr, r.alert).toMatch(/rheo_/);
      expect(r.for, r.alert).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical'], r.alert).toContain(r.labels?.severity);
      expect(r.annotations?.summary, r.alert).toBeTruthy();
    }
    const names = referencedNames(rules.map((r) => r.expr).join('\n'));
    expect(names.size).toBeGreaterThan(5);
    for (const n of names) expect(exposed, n).toContain(n);
    // The promtool unit tests feed series by name: those must be real too.
    for (const n of referencedNames(read('prometheus/rheo-alerts.test.yml'))) expect(exposed, n).toContain(n);
  });

  it('the dashboard references only registered metrics, and every panel is well formed', () => {
    const text = read('grafana/rheo-dashboard.json');
    const dash = JSON.parse(text) as { title: string; uid: string; panels: Panel[]; templating: unknown };
    expect(dash.uid).toBe('rheo-overview');
    const ids = dash.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = dash.panels.filter((p) => p.type === 'row').map((p) => p.title);
    expect(rows).toEqual([
      'Cluster overview',
      'Streams: throughput and throttling',
      'Consumers',
      'Raft health',
      'Disk',
      'Process',
    ]);
    const queries: string[] = [JSON.stringify(dash.templating)];
    for (const p of dash.panels.filter((x) => x.type !== 'row')) {
      expect(p.gridPos, p.title).toBeDefined();
      expect(p.gridPos!.x + p.gridPos!.w, p.title).toBeLessThanOrEqual(24);
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets!) {
        expect(t.refId, p.title).toMatch(/^[A-Z]$/);
        queries.push(t.expr);
      }
    }
    const names = referencedNames(queries.join('\n'));
    expect(names.size).toBeGreaterThan(20);
    for (const n of names) expect(exposed, n).toContain(n);
  });

  it('docs/metrics.md documents every rheo_ family, and names no other', async () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/metrics.md', import.meta.url)), 'utf8');
    // Metric names are written in backticks there (`rheo_v1.proto` is a file, not a metric).
    const documented = new Set([...doc.matchAll(/`(rheo_[a-z0-9_]+)`/g)].map((m) => m[1]!));
    const families = (await metrics.registry.getMetricsAsJSON())
      .map((m) => m.name)
      .filter((n) => n.startsWith('rheo_'));
    for (const f of families) expect(documented, f).toContain(f);
    for (const n of documented) expect(exposed, n).toContain(n);
  });

  it.skipIf(!promtool())(
    'promtool: the rules check, their unit tests pass, and a node’s /metrics follows the naming rules',
    async () => {
      const run = (args: string[], input?: string) =>
        execFileSync('promtool', args, {
          cwd: `${deployDir}prometheus`,
          input,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      expect(run(['check', 'rules', 'rheo-alerts.yml'])).toContain('SUCCESS');
      expect(run(['test', 'rules', 'rheo-alerts.test.yml'])).toContain('SUCCESS');
      expect(await produceAndRead(await parts.leader('orders'), 2, 10)).toBe(2);
      metrics.setEnhancedMonitoring('orders', ['ALL']);
      metrics.serviceMetrics.observePut('orders', 0.01);
      // check metrics prints nothing and exits 0 when every name follows the rules; it throws otherwise.
      expect(run(['check', 'metrics'], await metrics.registry.metrics())).toBe('');
    },
  );
});
