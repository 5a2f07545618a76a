// A strict reader of Prometheus's text exposition format (0.0.4), for the
// observability tests: prom-client writes the format but has no parser.
// It checks what a scraper relies on: every sample belongs to a family
// declared with # HELP and # TYPE before it, names and label names are
// legal, label values are properly quoted and escaped, values are floats,
// and no series appears twice.

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly samples: Sample[];
}

export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count', ''],
};

/** Parses `text`; throws, naming the line, on anything a scraper would refuse. */
export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  const help = new Map<string, string>();
  for (const [i, line] of text.split('\n').entries()) {
    const where = `line ${i + 1}: ${JSON.stringify(line)}`;
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta !== null) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (!NAME.test(name)) throw new Error(`${where}: bad metric name`);
      if (kind === 'HELP') help.set(name, rest);
      else {
        if (!TYPES.has(rest)) throw new Error(`${where}: bad type`);
        if (!help.has(name)) throw new Error(`${where}: TYPE before HELP`);
        if (families.has(name)) throw new Error(`${where}: family declared twice`);
        families.set(name, { name, help: help.get(name)!, type: rest, samples: [] });
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const s = parseSample(line, where);
    const family = familyOf(families, s.name);
    if (family === undefined) throw new Error(`${where}: sample of an undeclared family`);
    const key = `${s.name}${JSON.stringify(Object.entries(s.labels).sort())}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate series`);
    seen.add(key);
    family.samples.push(s);
  }
  return families;
}

function familyOf(families: Map<string, Family>, sample: string): Family | undefined {
  const exact = families.get(sample);
  if (exact !== undefined) return exact;
  for (const [type, suffixes] of Object.entries(SUFFIXES))
    for (const suffix of suffixes) {
      if (suffix === '' || !sample.endsWith(suffix)) continue;
      const f = families.get(sample.slice(0, -suffix.length));
      if (f?.type === type) return f;
    }
  return undefined;
}

function parseSample(line: string, where: string): Sample {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)( -?\d+)?$/.exec(line);
  if (m === null) throw new Error(`${where}: not a sample`);
  const value = parseValue(m[3]!, where);
  return { name: m[1]!, labels: m[2] === undefined ? {} : parseLabels(m[2], where), value };
}

/** As Prometheus reads it (Go's ParseFloat): NaN and Inf in any case; prom-client writes "Nan" for an empty mean. */
function parseValue(s: string, where: string): number {
  const lower = s.toLowerCase();
  if (lower === '+inf' || lower === 'inf') return Number.POSITIVE_INFINITY;
  if (lower === '-inf') return Number.NEGATIVE_INFINITY;
  if (lower === 'nan') return Number.NaN;
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new Error(`${where}: bad value ${s}`);
  return Number(s);
}

function parseLabels(block: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const re = /\s*([^=\s]+)="((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/y;
  const body = block.slice(1, -1);
  re.lastIndex = 0;
  while (re.lastIndex < body.length) {
    const m = re.exec(body);
    if (m === null) throw new Error(`${where}: bad label block`);
    const name = m[1]!;
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`${where}: bad label name ${name}`);
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    labels[name] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** The value of one series, or undefined when the family has no such sample. */
export function sampleValue(
  families: Map<string, Family>,
  family: string,
  sample: string,
  labels: Record<string, string> = {},
): number | undefined {
  const f = families.get(family);
  const s = f?.samples.find(
    (x) => x.name === sample && Object.entries(labels).every(([k, v]) => x.labels[k] === v),
  );
  return s?.value;
}
