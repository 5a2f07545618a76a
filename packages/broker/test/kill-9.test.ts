// kill -9 of a real process. A one-node shard (replication factor 1) runs in
// a child process and prints each ack as it gets it; the test kills it with
// SIGKILL in the middle of writing, reopens its store in this process and
// checks that every acknowledged record is there exactly once, in ack
// order per producer, and that the dedup table came back (a retry of the
// last acked batch of each producer is answered as a duplicate).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStore } from '@rheo/storage';
import { expect, it } from 'vitest';
import { entryArrivalMs, ReplicaHost } from '../src/index.js';
import { delivered, makeBatch } from './helpers/batches.js';
import { SECRET, shardSpec, sleep } from './helpers/cluster.js';

const ACKS_BEFORE_KILL = 150;

it('a one-node shard killed with SIGKILL mid-write keeps every acked record, once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rheo-kill-'));
  try {
    const child = spawn(
      process.execPath,
      [
        '--conditions=rheo-source',
        '--import',
        'tsx',
        join(import.meta.dirname, 'helpers/kill-child.ts'),
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acks: Array<{ tag: string; count: number; first: string }> = [];
    let buffered = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, tag, count, first] = line.split(' ');
        if (kind === 'ACK') acks.push({ tag: tag!, count: Number(count), first: first! });
      }
      if (acks.length >= ACKS_BEFORE_KILL) child.kill('SIGKILL');
    });
    await exited;
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const store = await NodeStore.open(dir, { entryTimeMs: entryArrivalMs });
    const host = new ReplicaHost({
      nodeId: 1,
      store,
      transport: { send: () => {} },
      options: { iteratorSecret: SECRET, tickIntervalMs: 10 },
    });
    try {
      const shard = await host.addShard(shardSpec(0, [1]));
      host.start();
      while (!shard.status().serving) await sleep(5);
      let it = await shard.getShardIterator({ type: 'TRIM_HORIZON' });
      const records: Array<{ tag: string; sequenceNumber: bigint }> = [];
      for (;;) {
        const page = await shard.getRecords(it);
        records.push(...delivered(page.batches, page.firstBatchSkipRecords, page.recordCount));
        if (page.recordCount === 0) break;
        it = page.nextIterator;
      }
      const count = new Map<string, number>();
      for (const r of records) count.set(r.tag, (count.get(r.tag) ?? 0) + 1);
      for (const n of count.values()) expect(n).toBe(1);
      const bySeq = new Map(records.map((r) => [r.sequenceNumber.toString(), r.tag]));
      for (const a of acks) {
        for (let i = 0; i < a.count; i++) expect(count.get(`${a.tag}#${i}`), a.tag).toBe(1);
        expect(bySeq.get(a.first)).toBe(`${a.tag}#0`);
      }
      // The newest acked batch of each producer is still known to the dedup table.
      for (let p = 0; p < 4; p++) {
        const mine = acks.filter((a) => a.tag.startsWith(`k${p}b`));
        const last = mine[mine.length - 1];
        if (last === undefined) continue;
        const b = Number(last.tag.split('b')[1]);
        const again = await shard.produce(makeBatch(last.tag, last.count, 200), {
          producerId: `kill-${p}`,
          producerEpoch: 1,
          batchSequence: b,
        });
        expect(again.firstSequenceNumber).toBe(last.first);
      }
    } finally {
      await host.stop();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
