// A small data-driven test runner in the spirit of etcd-io/raft's
// testdata/*.txt interaction tests: each file is a script of commands, each
// followed by `----` and the output it must produce. Run with
// RHEO_REWRITE=1 to rewrite the expected outputs from the actual ones
// (then read the diff before committing it).
import { readFileSync, writeFileSync } from 'node:fs';
import { type ConfChangeType, MemoryStorage, ReadOnlyOption } from '../../src/index.js';
import { type ConfigOverrides, confState, Network } from './network.js';

export interface Case {
  readonly line: number;
  readonly command: string;
  readonly expected: string;
}

export function parseScript(text: string): Case[] {
  const lines = text.split('\n');
  const cases: Case[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim() === '' || l.startsWith('#')) {
      i++;
      continue;
    }
    const start = i;
    const command = l.trim();
    i++;
    if (lines[i] !== '----') throw new Error(`line ${i + 1}: expected ---- after '${command}'`);
    i++;
    const out: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') out.push(lines[i++]!);
    cases.push({ line: start + 1, command, expected: out.join('\n') });
  }
  return cases;
}

export function formatScript(cases: readonly Case[], actual: readonly string[], header: string): string {
  const blocks = cases.map((c, k) => `${c.command}\n----\n${actual[k]}`);
  return `${header}${blocks.join('\n\n')}\n`;
}

/** The comment lines at the top of a script, kept on rewrite. */
export function scriptHeader(text: string): string {
  const head: string[] = [];
  for (const l of text.split('\n')) {
    if (!l.startsWith('#') && l.trim() !== '') break;
    head.push(l);
  }
  return head.length > 0 ? `${head.join('\n')}\n` : '';
}

type Command = (args: string[]) => string;

/** Executes scripts against a Network; the network is created by the `nodes` command. */
export class ScriptRunner {
  private n: Network | undefined;
  /** One small function per command, so each stays readable. */
  private readonly commands: Record<string, Command> = {
    nodes: (args) => this.nodes(args),
    campaign: (args) => {
      this.net().campaign(Number(args[0]));
      return this.status();
    },
    tick: (args) => {
      const ids =
        args[0] === undefined || args[0] === 'all'
          ? [...this.net().members.keys()]
          : args[0].split(',').map(Number);
      this.net().tick(ids, Number(args[1] ?? 1));
      return this.status();
    },
    propose: (args) => {
      const r = this.net()
        .node(Number(args[0]))
        .propose(new TextEncoder().encode(args[1] ?? ''));
      this.net().stabilize();
      const head = r.ok
        ? `ok [${r.firstIndex}..${r.lastIndex}] term=${r.term}`
        : `refused ${r.reason} leader=${r.leader}`;
      return `${head}\n${this.status()}`;
    },
    isolate: (args) => this.ok(() => this.net().isolate(Number(args[0]))),
    cut: (args) => this.ok(() => this.net().cut(Number(args[0]), Number(args[1]))),
    heal: () => this.ok(() => this.net().heal()),
    transfer: (args) => {
      this.net().node(Number(args[0])).transferLeadership(Number(args[1]));
      this.net().stabilize();
      return this.status();
    },
    lease: (args) => `lease=${this.net().node(Number(args[0])).leaseReadIndex() ?? 'none'}`,
    read: (args) => this.read(Number(args[0]), args[1] ?? ''),
    add: (args) =>
      this.ok(() =>
        this.net().add(
          Number(args[0]),
          new MemoryStorage({ confState: confState(args[1]!.split(',').map(Number)) }),
        ),
      ),
    conf: (args) => this.conf(args),
    dropped: (args) => {
      const d = this.net().node(Number(args[0])).stats().dropped;
      const nz = Object.entries(d).filter(([, v]) => v > 0);
      return nz.map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
    },
    status: () => this.status(),
  };

  run(command: string): string {
    const [cmd, ...args] = command.split(/\s+/);
    const f = this.commands[cmd ?? ''];
    if (!f) throw new Error(`unknown command '${cmd}'`);
    return f(args);
  }

  private ok(f: () => unknown): string {
    f();
    return 'ok';
  }

  private nodes(args: string[]): string {
    const o: ConfigOverrides = {};
    const flags = new Set(args.filter((a) => Number.isNaN(Number(a))));
    if (flags.has('prevote')) Object.assign(o, { preVote: true });
    if (flags.has('checkquorum')) Object.assign(o, { checkQuorum: true });
    if (flags.has('lease')) {
      Object.assign(o, {
        checkQuorum: true,
        readOnlyOption: ReadOnlyOption.LeaseBased,
        leaseSafetyMarginTicks: 2,
      });
    }
    this.n = new Network(args.filter((a) => !Number.isNaN(Number(a))).map(Number), o);
    return this.status();
  }

  private read(id: number, ctx: string): string {
    this.net().node(id).readIndex(new TextEncoder().encode(ctx));
    this.net().stabilize();
    const rs = this.net()
      .get(id)
      .readStates.map((r) => `${new TextDecoder().decode(r.requestCtx)}@${r.index}`);
    return `reads: ${rs.join(' ') || 'none'}`;
  }

  private conf(args: string[]): string {
    const [id, transition, ...changes] = args;
    const cc = {
      transition: transition as 'auto' | 'explicit',
      changes: changes.map((c) => {
        const [type, nodeId] = c.split(':');
        return { type: type as ConfChangeType, nodeId: Number(nodeId) };
      }),
    };
    const r = this.net().node(Number(id)).proposeConfChange(cc);
    this.net().stabilize();
    const head = r.ok ? `ok [${r.firstIndex}]` : `refused ${r.reason}: ${r.detail ?? ''}`;
    return `${head}\n${this.status()}`;
  }

  private net(): Network {
    if (!this.n) throw new Error('no network: start with `nodes`');
    return this.n;
  }

  status(): string {
    const out: string[] = [];
    for (const [id, m] of this.net().members) {
      const s = m.node.status();
      const cs = s.confState;
      const outgoing = cs.votersOutgoing.length ? `&&${cs.votersOutgoing.join(',')}` : '';
      const learners = cs.learners.length ? ` learners=${cs.learners.join(',')}` : '';
      out.push(
        `n${id}: ${s.role} term=${s.term} lead=${s.leader} commit=${s.commit} last=${s.lastIndex} voters=${cs.voters.join(',')}${outgoing}${learners}${s.repairing ? ' repairing' : ''}`,
      );
    }
    return out.join('\n');
  }
}

export function runScriptFile(path: string): { cases: Case[]; actual: string[] } {
  const text = readFileSync(path, 'utf8');
  const cases = parseScript(text);
  const runner = new ScriptRunner();
  const actual = cases.map((c) => runner.run(c.command));
  if (process.env.RHEO_REWRITE === '1') writeFileSync(path, formatScript(cases, actual, scriptHeader(text)));
  return { cases, actual };
}
