// The consumer commands' pure parts: `tail --from` takes TRIM_HORIZON,
// LATEST or an ISO time and refuses anything else with a usage message;
// `group status` and `consumers list` print one row per lease / consumer
// with checkpoints (SHARD_END for a finished parent) and lag. Command
// wiring: the program knows `consumers` and `group` with their subcommands.
import { describe, expect, it } from 'vitest';
import { consumersText } from '../src/commands/consumers.js';
import { groupStatusText } from '../src/commands/group.js';
import { startOf } from '../src/commands/tail.js';
import { buildProgram } from '../src/index.js';

describe('consumer commands', () => {
  it('--from: the iterator types and ISO times; anything else is a usage error', () => {
    expect(startOf('trim_horizon')).toEqual({ type: 'TRIM_HORIZON' });
    expect(startOf('LATEST')).toEqual({ type: 'LATEST' });
    expect(startOf('2026-11-30T10:00:00Z')).toEqual({
      type: 'AT_TIMESTAMP',
      timestampMs: Date.parse('2026-11-30T10:00:00Z'),
    });
    expect(() => startOf('yesterday')).toThrow(/--from must be/);
    expect(() => startOf('12')).toThrow(/--from must be/);
  });

  it('group status prints every lease with owner, expiry, lag, lineage and checkpoint', () => {
    const text = groupStatusText(
      'g',
      {
        leaseDurationMs: 10_000,
        initialPosition: 'TRIM_HORIZON',
        activeWorkers: ['w1'],
        leases: [
          {
            shardId: 'shardId-000000000000',
            owner: '',
            counter: 3,
            checkpointSequenceNumber: '49',
            checkpointAtShardEnd: true,
            parentShardIds: [],
            expiresAtMs: 0,
            millisBehindLatest: 0,
          },
          {
            shardId: 'shardId-000000000001',
            owner: 'w1',
            counter: 1,
            checkpointSequenceNumber: '',
            checkpointAtShardEnd: false,
            parentShardIds: ['shardId-000000000000'],
            expiresAtMs: 5_000,
            millisBehindLatest: 120,
          },
        ],
      },
      1_000,
    );
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('group g: start TRIM_HORIZON, lease 10000 ms, workers w1');
    expect(lines[2]).toMatch(/shardId-000000000000\s+-\s+3\s+-\s+0\s+-\s+SHARD_END/);
    expect(lines[3]).toMatch(/shardId-000000000001\s+w1\s+1\s+4000\s+120\s+shardId-000000000000\s+-/);
  });

  it('consumers list prints name, status and ARN; the program has the commands', () => {
    const text = consumersText([
      {
        consumerName: 'app',
        consumerArn: 'arn:x/consumer/app:1',
        status: 'ACTIVE',
        createdAtMs: 0,
        streamArn: '',
      },
    ]);
    expect(text).toMatch(/^NAME\s+STATUS\s+CREATED\s+ARN\napp\s+ACTIVE\s+\S+\s+arn:x\/consumer\/app:1\n$/);
    const program = buildProgram({ out: () => {}, err: () => {}, env: {} });
    const names = (n: string) => program.commands.find((c) => c.name() === n)?.commands.map((c) => c.name());
    expect(names('consumers')).toEqual(['list', 'register', 'deregister']);
    expect(names('group')).toEqual(['status', 'list']);
  });
});
