// Proves the logger's contract: JSON lines with the node id in every line,
// group and term in a group's child logger, levels honoured, the Raft core's
// logger interface mapped; tracers named in RHEO_TRACE (or `all`, minus
// `-name`) write at trace level whatever the node's level, and tracers that
// are off are a shared disabled object (one boolean check at a call site).
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, groupLogger, isTraceEnabled, parseTraceSelection, raftLogger } from '../src/index.js';

function sink(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('logger', () => {
  test('node id in every line; group and term in a child; levels', () => {
    const out = sink();
    const { log } = createLogger({ nodeId: 3, level: 'info', destination: out.stream, trace: '' });
    log.info({ peer: 2 }, 'hello');
    log.debug('hidden');
    groupLogger(log, 17, 4).warn('elected');
    raftLogger(groupLogger(log, 18)).error('fault', { index: 9 });
    const lines = out.lines();
    expect(lines.map((l) => l.msg)).toEqual(['hello', 'elected', 'fault']);
    expect(lines.every((l) => l.node === 3)).toBe(true);
    expect(lines[1]).toMatchObject({ group: 17, term: 4, level: 40 });
    expect(lines[2]).toMatchObject({ group: 18, index: 9, level: 50 });
  });

  test('tracers: off by default, on by name, at trace level whatever the level', () => {
    const out = sink();
    const logger = createLogger({ nodeId: 1, level: 'warn', destination: out.stream, trace: 'transport' });
    const on = logger.tracer('transport');
    const off = logger.tracer('raft');
    expect(on.enabled).toBe(true);
    expect(off.enabled).toBe(false);
    expect(off).toBe(logger.tracer('storage'));
    on.log('batch', { messages: 5 });
    off.log('never');
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 10, node: 1, tracer: 'transport', msg: 'batch', messages: 5 }),
    ]);
  });

  test.each([
    ['', 'transport', false],
    ['transport,raft', 'raft', true],
    ['all', 'storage', true],
    ['all,-storage', 'storage', false],
    [' transport , raft ', 'transport', true],
  ])('RHEO_TRACE=%j enables %s: %s', (value, name, expected) => {
    expect(isTraceEnabled(parseTraceSelection(value), name)).toBe(expected);
  });
});
