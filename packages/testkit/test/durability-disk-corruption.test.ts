// A corrupt log entry on one replica's disk is refused, reported and
// repaired from the peers, never served (DESIGN.md §5; docs/storage.md,
// "Checksums and corruption").
//
// Three node processes (LocalCluster, the built server), one static stream
// of 2 shards replicated on all three (RF3). Four idempotent SDK producers
// write; writing stops and every replica is read to agreement. Then a node
// that leads nothing is killed with SIGKILL, and in its LevelDB (opened by
// this test with classic-level while the node is down) the newest data
// entry of shard 0's log gets one byte of its record data flipped, so its
// seal (CRC-32C over key and value) no longer matches. The node restarts on
// that data dir, more records are written, and writing stops.
//
// Proven:
// - the restarted node reports the corruption (a "corrupt data found in the
//   store" log line) rather than crashing or serving it;
// - a read of every replica right after the restart is a prefix of the final
//   log (so the damaged entry's bytes were never served; the SDK's decoder
//   would also refuse them by the batch CRCs);
// - by the checker on the read-back of every shard on EVERY replica once
//   they agree: every acknowledged record, before and after, is present
//   exactly once on every replica (the damaged one repaired from its peers),
//   in one order, no duplicates, nothing unsent.
// Every process is gone at the end (by pid).
import { ClassicLevel } from 'classic-level';
import { afterEach, expect, test } from 'vitest';
import { Scenario, STREAM } from './helpers/durability-scenario.js';
import { readAllReplicas, shardLeaders } from './helpers/durability-workload.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

const S0 = 'shardId-000000000000';
/** docs/storage.md, "Keyspaces": registry 01 <name>; log entry 03 <segment u32> <gid u32> <index u64>; values sealed by a 4-byte CRC. */
const REGISTRY = 0x01;
const LOG = 0x03;
const ENTRY_KEY_BYTES = 17;
const SEAL_BYTES = 4;

/** Flips the last byte of the newest log entry of `groupName` holding record data; returns its index. */
async function corruptNewestEntry(dataDir: string, groupName: string): Promise<bigint> {
  const db = new ClassicLevel<Buffer, Buffer>(dataDir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open();
  try {
    const registryKey = Buffer.concat([Buffer.from([REGISTRY]), Buffer.from(groupName, 'utf8')]);
    const registered = await db.get(registryKey);
    if (registered === undefined) throw new Error(`no registry record for ${groupName} in ${dataDir}`);
    const gid = registered.readUInt32BE(SEAL_BYTES);
    // Newest segment first; within it, this group's highest index first.
    let seen = 0;
    const log = { gte: Buffer.from([LOG]), lt: Buffer.from([LOG + 1]), reverse: true };
    for await (const [key, value] of db.iterator(log)) {
      if (key.length !== ENTRY_KEY_BYTES || key.readUInt32BE(5) !== gid) continue;
      if (++seen > 64) break;
      if (value.length < 100) continue; // an entry without records (a new term's first entry, an idle tick)
      const damaged = Buffer.from(value);
      damaged[damaged.length - 1]! ^= 0x01;
      await db.put(key, damaged, { sync: true });
      return key.readBigUInt64BE(9);
    }
    throw new Error(`no data entry among the newest 64 of ${groupName}`);
  } finally {
    await db.close();
  }
}

test('a corrupt entry on a replica disk is reported, never served, and repaired from the peers', async () => {
  scenario = new Scenario({ nodes: 3, shards: 2, workload: { producers: 4 } });
  const cluster = await scenario.start();
  const workload = scenario.startWriting({ tag: 'before' });
  await workload.waitForAcks(1500, 30_000);
  await scenario.stopWriting();
  await readAllReplicas(cluster, scenario.reader!, STREAM, scenario.shardIds);

  const leaders = await shardLeaders(cluster, scenario.reader!, STREAM);
  const victim = cluster.ids().find((id) => ![...leaders.values()].includes(id))!;
  expect(await cluster.kill(victim)).toEqual({ code: null, signal: 'SIGKILL' });
  const index = await corruptNewestEntry(cluster.node(victim).dataDir, `shard/${STREAM}/${S0}`);
  scenario.mark(`node ${victim}: entry ${index} of ${S0} corrupted on disk`);

  await cluster.restart(victim);
  scenario.mark(`node ${victim} restarted`);
  await scenario.snapshot();
  const reported = cluster.output(victim).filter((l) => l.includes('corrupt data found in the store'));
  expect(reported.length, scenario.nodeLog(victim)).toBeGreaterThan(0);

  scenario.startWriting({ tag: 'after' });
  await scenario.workload!.waitForAcks(1000, 30_000);
  await scenario.stopWriting();
  await scenario.check();
}, 150_000);
