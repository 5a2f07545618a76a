// The Helm chart (helm/rheo), checked without a Kubernetes cluster:
// - the files it copies from deploy/ (dashboard, alert rules) equal the originals;
// - every value in values.yaml is documented in the chart README and used by a template, and
//   every `.Values` path a template reads exists in values.yaml;
// - a real helm (test/helpers/deploy-helm.ts) lints it (--strict) and its values schema refuses
//   bad values;
// - `helm template` over a matrix of values renders objects that the Kubernetes (and
//   prometheus-operator) schemas accept (kubernetes-models) and that hold together: controller
//   voters are exactly the pods that take the controller role, with their ids and stable DNS
//   names; PVC templates; probes on declared ports; Services and PDBs select the pods;
//   restricted security contexts; monitoring objects only when their API exists.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as certManagerV1 from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import * as monitoringV1 from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as rbacV1 from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { helm, repoRoot } from './helpers/deploy-helm.js';

const chart = join(repoRoot, 'helm/rheo');
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const values = parse(read('helm/rheo/values.yaml')) as Record<string, unknown>;
const templates = readdirSync(join(chart, 'templates'), { recursive: true })
  .map(String)
  .filter((f) => /\.(yaml|tpl|txt)$/.test(f))
  .map((f) => read(`helm/rheo/templates/${f}`))
  .join('\n');

// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects are checked field by field.
type K8sObject = any;

/** `.Values.a.b.c` paths the templates read (`$.Values` too). */
function referencedPaths(): Set<string> {
  return new Set(
    [...templates.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)].map((m) => (m[1] ?? '').slice(1)),
  );
}

/** The paths of values.yaml a template or the README must name: a referenced path covers its subtree. */
function valuePaths(node: unknown, prefix: string, referenced: Set<string>, out: string[]): string[] {
  if (prefix !== '' && referenced.has(prefix)) return [...out, prefix];
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
    for (const [key, child] of Object.entries(node)) {
      out = valuePaths(child, prefix === '' ? key : `${prefix}.${key}`, referenced, out);
    }
    return out;
  }
  return [...out, prefix];
}

function exists(path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

function render(sets: readonly string[], extra: readonly string[] = []): K8sObject[] {
  const args = [
    'template',
    'rel',
    chart,
    '--namespace',
    'data',
    ...sets.flatMap((s) => ['--set', s]),
    ...extra,
  ];
  const result = helm(args);
  if (result.code !== 0) throw new Error(`helm ${args.join(' ')}\n${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((d) => d.toJS())
    .filter((o) => o !== null);
}

/** The schema models of every apiVersion the chart renders. */
const models: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'policy/v1': policyV1,
  'rbac.authorization.k8s.io/v1': rbacV1,
  'networking.k8s.io/v1': networkingV1,
  'monitoring.coreos.com/v1': monitoringV1,
  'cert-manager.io/v1': certManagerV1,
};

/** Throws the schema's complaint about `object`, naming it. */
function validateSchema(object: K8sObject): void {
  const Model = models[object.apiVersion]?.[object.kind] as
    | (new (
        o: K8sObject,
      ) => { validate(): void })
    | undefined;
  if (Model === undefined) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  try {
    new Model(object).validate();
  } catch (err) {
    throw new Error(`${object.kind} ${object.metadata?.name}: ${(err as Error).message}`);
  }
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const envOf = (container: K8sObject) =>
  new Map<string, string>(
    container.env.filter((e: K8sObject) => e.value !== undefined).map((e: K8sObject) => [e.name, e.value]),
  );
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('chart files', () => {
  it('the copied dashboard and alert rules equal deploy/', () => {
    // On a failure: cp deploy/grafana/rheo-dashboard.json deploy/prometheus/rheo-alerts.yml helm/rheo/files/
    const stale = (copy: string, original: string) => `${copy} differs from ${original}: copy it again`;
    const dashboard = 'helm/rheo/files/rheo-dashboard.json';
    const alerts = 'helm/rheo/files/rheo-alerts.yml';
    expect(read(dashboard), stale(dashboard, 'deploy/grafana/rheo-dashboard.json')).toBe(
      read('deploy/grafana/rheo-dashboard.json'),
    );
    expect(read(alerts), stale(alerts, 'deploy/prometheus/rheo-alerts.yml')).toBe(
      read('deploy/prometheus/rheo-alerts.yml'),
    );
  });

  it('every value is documented in the README and used by a template; every reference exists', () => {
    const referenced = referencedPaths();
    const readme = read('helm/rheo/README.md');
    const paths = valuePaths(values, '', referenced, []);
    expect(paths.length).toBeGreaterThan(50);
    const documented = new Set([...readme.matchAll(/^\| `([A-Za-z0-9_.]+)` +\|/gm)].map((m) => m[1]));
    expect(paths.filter((p) => !documented.has(p))).toEqual([]);
    expect(paths.filter((p) => !referenced.has(p))).toEqual([]);
    expect([...referenced].filter((p) => !exists(p))).toEqual([]);
  });

  it('template actions are balanced', () => {
    expect(templates.split('{{').length).toBe(templates.split('}}').length);
  });
});

describe('helm lint and the values schema', () => {
  it('lints clean with --strict', () => {
    const result = helm(['lint', '--strict', chart]);
    expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it.each([
    [['mode=both'], "value must be one of 'combined', 'split'"],
    [['replicaCount=3'], "additional properties 'replicaCount' not allowed"],
    [['ports.grpc=70000'], '/ports/grpc'],
    [['combined.replicas=2'], 'combined.replicas (2) must be at least combined.controllerVoters (3)'],
    [
      ['mode=split', 'broker.nodeIdOffset=1'],
      'broker.nodeIdOffset (1) must be at least controller.replicas (3)',
    ],
    [['config.node_id=4'], 'config.node_id is set by the chart'],
    [['config.gateway_auth=any'], 'config.gateway_auth is set by the chart'],
    [['gateway.auth=none'], "value must be one of 'sigv4', 'any'"],
    [['tls.enabled=true'], 'tls.enabled needs tls.existingSecret'],
    [['tls.enabled=true', 'tls.certManager.enabled=true'], 'needs tls.certManager.issuerRef.name'],
    [
      [
        'tls.enabled=true',
        'tls.existingSecret=s',
        'tls.certManager.enabled=true',
        'tls.certManager.issuerRef.name=ca',
      ],
      'not both',
    ],
    [['config.tls_cert_file=/x'], 'config.tls_cert_file is set by the chart'],
    [
      ['cluster.defaultReplicationFactor=3', 'combined.replicas=1', 'combined.controllerVoters=1'],
      'above the broker count',
    ],
  ])('refuses %j', (sets, message) => {
    const result = helm(['template', 'rel', chart, ...sets.flatMap((s) => ['--set', s])]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});

interface Case {
  readonly name: string;
  readonly sets: readonly string[];
  readonly extra?: readonly string[];
  /** StatefulSet name → [replicas, voters among its first pods]. */
  readonly groups: Record<string, [number, number]>;
  /** The Secret the pods mount their certificate from, when TLS is on. */
  readonly tls?: string;
}

const monitoringApis = ['ServiceMonitor', 'PodMonitor', 'PrometheusRule'].flatMap((k) => [
  '--api-versions',
  `monitoring.coreos.com/v1/${k}`,
]);

const cases: Case[] = [
  { name: 'defaults', sets: [], groups: { 'rel-rheo': [3, 3] } },
  {
    name: 'split roles',
    sets: ['mode=split'],
    groups: { 'rel-rheo-controller': [3, 3], 'rel-rheo-broker': [3, 0] },
  },
  {
    name: 'one node',
    sets: ['combined.replicas=1', 'combined.controllerVoters=1'],
    groups: { 'rel-rheo': [1, 1] },
  },
  { name: 'five nodes', sets: ['combined.replicas=5'], groups: { 'rel-rheo': [5, 3] } },
  {
    name: 'monitoring and network policy',
    sets: [
      'metrics.serviceMonitor.enabled=true',
      'metrics.podMonitor.enabled=true',
      'metrics.prometheusRule.enabled=true',
      'metrics.grafanaDashboard.enabled=true',
      'networkPolicy.enabled=true',
      'networkPolicy.allowExternal=false',
      'rackAwareness.enabled=false',
      'rackAwareness.rack=zone-a',
    ],
    extra: monitoringApis,
    groups: { 'rel-rheo': [3, 3] },
  },
  {
    name: 'TLS on (existing secret)',
    sets: ['tls.enabled=true', 'tls.existingSecret=rheo-tls'],
    groups: { 'rel-rheo': [3, 3] },
    tls: 'rheo-tls',
  },
  {
    name: 'cert-manager, split roles, mutual TLS',
    sets: [
      'mode=split',
      'tls.enabled=true',
      'tls.clientAuth=true',
      'tls.certManager.enabled=true',
      'tls.certManager.issuerRef.name=rheo-ca',
      'tls.certManager.issuerRef.kind=ClusterIssuer',
    ],
    groups: { 'rel-rheo-controller': [3, 3], 'rel-rheo-broker': [3, 0] },
    tls: 'rel-rheo-tls',
  },
];

describe.each(cases)('helm template: $name', ({ sets, extra, groups, tls }) => {
  const objects = render(sets, extra);
  const statefulSets = byKind(objects, 'StatefulSet');
  const domain = 'rel-rheo-headless.data.svc.cluster.local';

  it('renders only objects the Kubernetes and prometheus-operator schemas accept', () => {
    expect(objects.length).toBeGreaterThan(8);
    for (const object of objects) validateSchema(object);
  });

  it('renders the StatefulSets with Parallel start, a PVC template and the headless Service', () => {
    expect(Object.fromEntries(statefulSets.map((s) => [s.metadata.name, s.spec.replicas]))).toEqual(
      Object.fromEntries(Object.entries(groups).map(([name, [replicas]]) => [name, replicas])),
    );
    const headless = byKind(objects, 'Service').find((s) => s.spec.clusterIP === 'None');
    expect(headless.metadata.name).toBe('rel-rheo-headless');
    expect(headless.spec.publishNotReadyAddresses).toBe(true);
    for (const sts of statefulSets) {
      expect(sts.spec.podManagementPolicy).toBe('Parallel');
      expect(sts.spec.serviceName).toBe('rel-rheo-headless');
      expect(sts.spec.volumeClaimTemplates.map((v: K8sObject) => v.metadata.name)).toEqual(['data']);
      const mounts = sts.spec.template.spec.containers[0].volumeMounts;
      expect(mounts).toContainEqual({ name: 'data', mountPath: '/var/lib/rheo' });
      expect(matches(sts.spec.selector.matchLabels, sts.spec.template.metadata.labels)).toBe(true);
      expect(matches(headless.spec.selector, sts.spec.template.metadata.labels)).toBe(true);
    }
  });

  it('lists as controller voters exactly the pods that take the controller role, at their DNS names', () => {
    const expected: string[] = [];
    const voterLists = new Set<string>();
    for (const sts of statefulSets) {
      const env = envOf(sts.spec.template.spec.containers[0]);
      voterLists.add(env.get('RHEO_CONTROLLER_VOTERS') ?? '');
      const [, voters] = groups[sts.metadata.name] ?? [0, 0];
      expect(Number(env.get('CONTROLLER_ORDINALS'))).toBe(voters);
      for (let ordinal = 0; ordinal < voters; ordinal++) {
        const id = ordinal + 1 + Number(env.get('NODE_ID_OFFSET'));
        expect(env.get('ROLES_FIRST')).toContain('controller');
        expect(env.get('RHEO_ADVERTISED_ADDRESS')).toBe(`$(POD_NAME).${domain}:7400`);
        expected.push(`${id}@${sts.metadata.name}-${ordinal}.${domain}:7400`);
      }
      if (voters < sts.spec.replicas) expect(env.get('ROLES_REST')).not.toContain('controller');
    }
    expect([...voterLists]).toEqual([expected.join(',')]);
  });

  it('probes the declared metrics port; brokers drain in preStop within the grace period', () => {
    for (const sts of statefulSets) {
      const pod = sts.spec.template.spec;
      const container = pod.containers[0];
      const ports = new Set(container.ports.map((p: K8sObject) => p.name));
      for (const [probe, path] of [
        ['startupProbe', '/healthz'],
        ['readinessProbe', '/readyz'],
        ['livenessProbe', '/healthz'],
      ] as const) {
        expect(container[probe].httpGet.path).toBe(path);
        expect(ports.has(container[probe].httpGet.port)).toBe(true);
      }
      const isBroker = envOf(container).get('ROLES_REST')?.includes('broker');
      expect(container.lifecycle?.preStop?.exec?.command ?? []).toEqual(
        isBroker ? ['/bin/sh', '/opt/rheo/scripts/pre-stop.sh'] : [],
      );
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(
        Number(envOf(container).get('DRAIN_TIMEOUT_S')),
      );
    }
  });

  it('runs restricted: non-root, read-only root with /tmp writable, no capabilities, RuntimeDefault seccomp', () => {
    for (const sts of statefulSets) {
      const pod = sts.spec.template.spec;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    }
  });

  it('TLS: the Secret mounted read-only, the node and CLI variables set, probes still HTTP; a Certificate for every pod', () => {
    const tlsDir = '/etc/rheo/tls';
    const test = byKind(objects, 'Pod').find((p) => p.metadata.annotations['helm.sh/hook'] === 'test');
    const clientAuth = sets.includes('tls.clientAuth=true');
    for (const pod of [...statefulSets.map((s) => s.spec.template.spec), test.spec]) {
      const container = pod.containers[0];
      const env = envOf(container);
      const volume = pod.volumes.find((v: K8sObject) => v.name === 'tls');
      const mount = container.volumeMounts.find((m: K8sObject) => m.name === 'tls');
      if (tls === undefined) {
        expect([volume, mount, env.get('RHEO_TLS_CA')]).toEqual([undefined, undefined, undefined]);
        continue;
      }
      expect(volume).toEqual({ name: 'tls', secret: { secretName: tls, defaultMode: 0o440 } });
      expect(mount).toEqual({ name: 'tls', mountPath: tlsDir, readOnly: true });
      expect(env.get('RHEO_TLS_CA')).toBe(`${tlsDir}/ca.crt`);
      expect(env.get('RHEO_TLS_CERT')).toBe(clientAuth ? `${tlsDir}/tls.crt` : undefined);
      expect(env.get('RHEO_TLS_KEY')).toBe(clientAuth ? `${tlsDir}/tls.key` : undefined);
    }
    for (const sts of statefulSets) {
      const container = sts.spec.template.spec.containers[0];
      const env = envOf(container);
      expect(env.get('RHEO_TLS_CERT_FILE')).toBe(tls === undefined ? undefined : `${tlsDir}/tls.crt`);
      expect(env.get('RHEO_TLS_KEY_FILE')).toBe(tls === undefined ? undefined : `${tlsDir}/tls.key`);
      expect(env.get('RHEO_TLS_CA_FILE')).toBe(tls === undefined ? undefined : `${tlsDir}/ca.crt`);
      expect(env.get('RHEO_TLS_CLIENT_AUTH')).toBe(tls === undefined ? undefined : String(clientAuth));
      // The hooks dial a name the certificate holds with TLS, loopback without.
      expect(env.get('LOCAL_GRPC_ENDPOINT')).toBe(
        tls === undefined ? '127.0.0.1:7400' : `$(POD_NAME).${domain}:7400`,
      );
      expect(container.readinessProbe.httpGet.port).toBe('metrics');
    }
    const certificates = byKind(objects, 'Certificate');
    if (tls !== 'rel-rheo-tls') {
      expect(certificates).toEqual([]);
      return;
    }
    expect(certificates).toHaveLength(1);
    const spec = certificates[0].spec;
    expect(spec.secretName).toBe(tls);
    expect(spec.issuerRef).toEqual({ name: 'rheo-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(spec.usages).toEqual(expect.arrayContaining(['server auth', 'client auth']));
    const pods = statefulSets.flatMap((s) =>
      Array.from({ length: s.spec.replicas }, (_, i) => `${s.metadata.name}-${i}.${domain}`),
    );
    expect(pods).toHaveLength(6);
    expect(spec.dnsNames).toEqual(
      expect.arrayContaining([...pods, 'rel-rheo.data.svc.cluster.local', 'rel-rheo']),
    );
    // Every address a node advertises and every voter address is a name of the certificate.
    for (const sts of statefulSets) {
      const voters = envOf(sts.spec.template.spec.containers[0]).get('RHEO_CONTROLLER_VOTERS') ?? '';
      for (const v of voters.split(','))
        expect(spec.dnsNames).toContain(v.replace(/^\d+@/, '').replace(/:\d+$/, ''));
    }
  });

  it('has a PDB, a client Service and a helm test pod that select or reach the pods', () => {
    const pdbs = byKind(objects, 'PodDisruptionBudget');
    expect(pdbs.length).toBe(statefulSets.length);
    for (const sts of statefulSets) {
      expect(pdbs.some((p) => matches(p.spec.selector.matchLabels, sts.spec.template.metadata.labels))).toBe(
        true,
      );
    }
    const client = byKind(objects, 'Service').find((s) => s.metadata.name === 'rel-rheo');
    expect(client.spec.ports.map((p: K8sObject) => [p.name, p.port])).toEqual([
      ['grpc', 7400],
      ['gateway', 4567],
      ['metrics', 7490],
    ]);
    const test = byKind(objects, 'Pod').find((p) => p.metadata.annotations['helm.sh/hook'] === 'test');
    for (const service of byKind(objects, 'Service')) {
      expect(matches(service.spec.selector, test.metadata.labels)).toBe(false);
    }
    expect(test.spec.containers[0].env).toContainEqual({
      name: 'RHEO_ENDPOINTS',
      value: 'rel-rheo.data.svc.cluster.local:7400',
    });
  });
});

describe('node-start.sh', () => {
  /** Runs the script with a pod's rendered environment and a stand-in `rheo` that prints what it was given. */
  function start(sets: readonly string[], statefulSet: string, podName: string): string {
    const sts = byKind(render(sets), 'StatefulSet').find((s) => s.metadata.name === statefulSet);
    const bin = mkdtempSync(join(tmpdir(), 'rheo-start-'));
    try {
      writeFileSync(
        join(bin, 'rheo'),
        '#!/bin/sh\necho "$* id=$RHEO_NODE_ID roles=$RHEO_ROLES rack=$RHEO_RACK"\n',
      );
      chmodSync(join(bin, 'rheo'), 0o755);
      const env: Record<string, string> = { PATH: `${bin}:${process.env.PATH}`, POD_NAME: podName };
      for (const e of sts.spec.template.spec.containers[0].env)
        if (e.value !== undefined) env[e.name] = e.value;
      env.RHEO_DATA_DIR = bin;
      env.RACK_FILE = join(bin, 'rack');
      writeFileSync(env.RACK_FILE, 'zone-b');
      const out = execFileSync('sh', [join(chart, 'files/node-start.sh')], { env, encoding: 'utf8' });
      return out.trim().split('\n').at(-1) ?? '';
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }

  it.each([
    [[], 'rel-rheo', 'rel-rheo-0', 'server id=1 roles=broker,controller rack=zone-b'],
    [['combined.replicas=5'], 'rel-rheo', 'rel-rheo-4', 'server id=5 roles=broker rack=zone-b'],
    [
      ['mode=split'],
      'rel-rheo-controller',
      'rel-rheo-controller-2',
      'server id=3 roles=controller rack=zone-b',
    ],
    [['mode=split'], 'rel-rheo-broker', 'rel-rheo-broker-0', 'server id=101 roles=broker rack=zone-b'],
  ])('%j: %s pod %s runs %s', (sets, statefulSet, podName, expected) => {
    expect(start(sets, statefulSet, podName)).toBe(expected);
  });

  it('refuses a pod name without an ordinal', () => {
    expect(() => start([], 'rel-rheo', 'rheo-x')).toThrow(/cannot read a StatefulSet ordinal/);
  });
});

describe('helm template: optional objects', () => {
  it('the schema check catches a bad object', () => {
    const service = byKind(render([]), 'Service')[0];
    expect(() =>
      validateSchema({ ...service, spec: { ...service.spec, ports: [{ port: 'grpc' }] } }),
    ).toThrow(/must be integer/);
  });

  it('creates the monitoring objects only where monitoring.coreos.com/v1 exists', () => {
    const on = [
      'metrics.serviceMonitor.enabled=true',
      'metrics.podMonitor.enabled=true',
      'metrics.prometheusRule.enabled=true',
    ];
    const kinds = (objects: K8sObject[]) =>
      objects.map((o) => o.kind).filter((k) => k.endsWith('Monitor') || k === 'PrometheusRule');
    expect(kinds(render(on))).toEqual([]);
    const objects = render(on, monitoringApis);
    expect(kinds(objects).sort()).toEqual(['PodMonitor', 'PrometheusRule', 'ServiceMonitor']);
    // One scrape target per pod: the ServiceMonitor selects the headless Service only.
    const monitor = byKind(objects, 'ServiceMonitor')[0];
    const selected = byKind(objects, 'Service').filter((svc) =>
      matches(monitor.spec.selector.matchLabels, svc.metadata.labels),
    );
    expect(selected.map((svc) => svc.metadata.name)).toEqual(['rel-rheo-headless']);
    const podMonitor = byKind(objects, 'PodMonitor')[0];
    const sts = byKind(objects, 'StatefulSet')[0];
    expect(matches(podMonitor.spec.selector.matchLabels, sts.spec.template.metadata.labels)).toBe(true);
    const rule = byKind(objects, 'PrometheusRule')[0];
    expect(rule.spec.groups).toEqual((parse(read('deploy/prometheus/rheo-alerts.yml')) as K8sObject).groups);
  });

  it('puts the dashboard in a ConfigMap labelled for the Grafana sidecar', () => {
    const objects = render(['metrics.grafanaDashboard.enabled=true']);
    const map = byKind(objects, 'ConfigMap').find((c) => c.metadata.name === 'rel-rheo-dashboard');
    expect(map.metadata.labels.grafana_dashboard).toBe('1');
    expect(JSON.parse(map.data['rheo-dashboard.json'])).toEqual(
      JSON.parse(read('deploy/grafana/rheo-dashboard.json')),
    );
  });

  it('mounts the chart scripts unchanged, and reads the zone through an init container with get-nodes RBAC', () => {
    const objects = render([]);
    const scripts = byKind(objects, 'ConfigMap').find((c) => c.metadata.name === 'rel-rheo-scripts');
    for (const file of ['node-start.sh', 'pre-stop.sh', 'node-rack.mjs']) {
      expect(scripts.data[file]).toBe(read(`helm/rheo/files/${file}`));
    }
    const role = byKind(objects, 'ClusterRole')[0];
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
    const init = byKind(objects, 'StatefulSet')[0].spec.template.spec.initContainers[0];
    expect(init.command).toEqual(['node', '/opt/rheo/scripts/node-rack.mjs']);
  });

  it.each([[[]], [['mode=split', 'networkPolicy.enabled=true', 'networkPolicy.allowExternal=false']]])(
    'NOTES.txt renders how to produce and read a record (%j)',
    (sets: string[]) => {
      const result = helm([
        'install',
        'rel',
        chart,
        '-n',
        'data',
        '--dry-run=client',
        ...sets.flatMap((s) => ['--set', s]),
      ]);
      expect(result.code).toBe(0);
      const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
      expect(notes).toContain('RHEO_ENDPOINTS=rel-rheo.data.svc.cluster.local:7400');
      expect(notes).toContain('rheo put demo user-1 hello');
      expect(notes).toContain('rheo tail demo --from TRIM_HORIZON --limit 1');
      expect(notes.includes('--labels=rel-rheo-client=true')).toBe(sets.length > 0);
      expect(notes).toContain("get secret rel-rheo-gateway -o jsonpath='{.data.access-keys}'");
    },
  );

  it('NOTES.txt with TLS: the gateway is https, clients need the CA, kubectl exec dials the pod by name', () => {
    const result = helm([
      ...['install', 'rel', chart, '-n', 'data', '--dry-run=client'],
      ...['--set', 'tls.enabled=true', '--set', 'tls.existingSecret=rheo-tls'],
    ]);
    expect(result.code).toBe(0);
    const notes = result.stdout.slice(result.stdout.indexOf('NOTES:'));
    expect(notes).toContain('gateway https://rel-rheo.data.svc.cluster.local:4567');
    expect(notes).toContain('ca.crt of the Secret rheo-tls');
    expect(notes).toContain('--endpoint rel-rheo-0.rel-rheo-headless.data.svc.cluster.local:7400');
    expect(notes).not.toContain('--endpoint 127.0.0.1');
  });

  it.each([
    [[], 'sigv4', 'rel-rheo-gateway'],
    [['gateway.accessKeysSecret=my-keys'], 'sigv4', 'my-keys'],
    [['gateway.auth=any'], 'any', undefined],
    [['gateway.enabled=false'], undefined, undefined],
  ])('gateway auth %j: RHEO_GATEWAY_AUTH %s, access keys from Secret %s', (sets, auth, secret) => {
    const objects = render(sets);
    for (const sts of byKind(objects, 'StatefulSet')) {
      const env: K8sObject[] = sts.spec.template.spec.containers[0].env;
      expect(envOf(sts.spec.template.spec.containers[0]).get('RHEO_GATEWAY_AUTH')).toBe(auth);
      expect(env.find((e) => e.name === 'RHEO_GATEWAY_ACCESS_KEYS')?.valueFrom).toEqual(
        secret === undefined ? undefined : { secretKeyRef: { name: secret, key: 'access-keys' } },
      );
    }
    // Only a sigv4 gateway without the operator's Secret gets one made by the chart.
    const made = byKind(objects, 'Secret').find((s) => s.metadata.name === 'rel-rheo-gateway');
    expect(made !== undefined).toBe(secret === 'rel-rheo-gateway');
    if (made !== undefined) {
      expect(made.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
      // The form gateway_access_keys reads: one ACCESS_KEY_ID:SECRET line.
      expect(Buffer.from(made.data['access-keys'], 'base64').toString()).toMatch(
        /^RHEO[A-Z0-9]{16}:[A-Za-z0-9]{40}$/,
      );
    }
  });

  it('default install: object kinds and count', () => {
    const objects = render([]);
    const counts: Record<string, number> = {};
    for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    expect(counts).toEqual({
      ClusterRole: 1,
      ClusterRoleBinding: 1,
      ConfigMap: 1,
      Pod: 1,
      PodDisruptionBudget: 1,
      Secret: 2,
      Service: 2,
      ServiceAccount: 1,
      StatefulSet: 1,
    });
  });
});
