// The durability checker: given what producers were told (acknowledged
// records, and records whose outcome they never learned) and what every
// replica serves back, it lists every violation of DESIGN.md §5, precisely.
//
// Kept apart from the code under test on purpose: it imports nothing of
// Rheo's and knows records only as (shard, sequence number, key, counter),
// so a bug in the broker's or the SDK's decoding cannot hide itself here.
//
// Rules checked (each violation names the replica, shard, position, record):
// - divergent: every replica of a shard serves the same sequence of records
//   (same sequence numbers, same records) — one order, the commit order;
// - order: sequence numbers strictly increase along each replica's shard;
// - duplicate: no (key, counter) appears twice in a shard (acked or not:
//   a record whose ack was lost may be present at most once);
// - unknown: no record appears that no producer ever sent (phantom or garbled);
// - key-order: within a shard, each key's counters appear in increasing order
//   (the producer sends them in that order and keeps per-shard order);
// - missing: every acknowledged record is present on every replica, in the
//   acked shard, at the acked sequence number;
// - misplaced: an acked record appears, but at another sequence number or
//   shard than its ack said.
// And, for reads taken while the cluster was still writing and failing
// (checkSnapshots):
// - uncommitted: what a replica served mid-run is a prefix of the shard's
//   final log; anything else means it served an entry that was later
//   replaced, that is, data that was not committed.

export interface SentRecord {
  readonly key: string;
  readonly counter: number;
}

/** A record whose ack the producer received. */
export interface AckedRecord extends SentRecord {
  readonly shardId: string;
  /** Decimal string. */
  readonly sequenceNumber: string;
}

/** A record as a replica serves it. */
export interface ReadBackRecord {
  readonly sequenceNumber: string;
  readonly key: string;
  /** NaN when the data could not be parsed as this workload's record. */
  readonly counter: number;
}

/** Per replica (node id), per shard id, the records it serves from TRIM_HORIZON in order. */
export type ReplicaReadBack = ReadonlyMap<number, ReadonlyMap<string, readonly ReadBackRecord[]>>;

export interface DurabilityHistory {
  readonly acked: readonly AckedRecord[];
  /** Records sent whose outcome is unknown (rejected, or unanswered): each may be present at most once. */
  readonly unacked: readonly SentRecord[];
  readonly replicas: ReplicaReadBack;
  /** Every shard of the stream (a shard no replica returned counts as empty). */
  readonly shardIds: readonly string[];
  /**
   * The nodes that must hold each shard (cluster mode, where a shard lives on
   * some nodes only); every node of `replicas` when left out (static mode).
   */
  readonly hostsOf?: (shardId: string) => readonly number[];
}

export type ViolationKind =
  | 'uncommitted'
  | 'divergent'
  | 'order'
  | 'duplicate'
  | 'unknown'
  | 'key-order'
  | 'missing'
  | 'misplaced';

export interface Violation {
  readonly kind: ViolationKind;
  readonly message: string;
}

/** How many violations of one kind are listed before the rest is summarized. */
const violationsPerKindMax = 20;

const recordId = (r: SentRecord): string => `${r.key}#${r.counter}`;

/** Every violation in `history`, empty when the guarantees hold. */
export function checkDurability(history: DurabilityHistory): Violation[] {
  const out = new ViolationList();
  const sent = new Set<string>([...history.acked, ...history.unacked].map(recordId));
  for (const shardId of history.shardIds) {
    const hosts = history.hostsOf?.(shardId);
    const perReplica = [...history.replicas]
      .filter(([node]) => hosts === undefined || hosts.includes(node))
      .map(([node, shards]) => [node, shards.get(shardId) ?? []] as const);
    checkDivergence(shardId, perReplica, out);
    for (const [node, records] of perReplica) checkOneLog(node, shardId, records, sent, out);
  }
  checkAcked(history, out);
  return out.result();
}

class ViolationList {
  private readonly list: Violation[] = [];
  private readonly counts = new Map<ViolationKind, number>();

  add(kind: ViolationKind, message: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= violationsPerKindMax) this.list.push({ kind, message });
  }

  result(): Violation[] {
    const more = [...this.counts]
      .filter(([, n]) => n > violationsPerKindMax)
      .map(([kind, n]) => ({ kind, message: `... and ${n - violationsPerKindMax} more ${kind} violations` }));
    return [...this.list, ...more];
  }
}

const show = (r: ReadBackRecord | undefined): string =>
  r === undefined ? 'nothing' : `${r.key}#${r.counter}@${r.sequenceNumber}`;

function checkDivergence(
  shardId: string,
  perReplica: ReadonlyArray<readonly [number, readonly ReadBackRecord[]]>,
  out: ViolationList,
): void {
  const [first, ...rest] = perReplica;
  if (first === undefined) return;
  const [refNode, ref] = first;
  for (const [node, records] of rest) {
    const n = Math.max(ref.length, records.length);
    for (let i = 0; i < n; i++) {
      const a = ref[i];
      const b = records[i];
      if (sameRecord(a, b)) continue;
      out.add(
        'divergent',
        `${shardId}: replica ${node} differs from replica ${refNode} at position ${i}` +
          ` (${show(b)} vs ${show(a)}; lengths ${records.length} vs ${ref.length})`,
      );
      break;
    }
  }
}

function checkOneLog(
  node: number,
  shardId: string,
  records: readonly ReadBackRecord[],
  sent: ReadonlySet<string>,
  out: ViolationList,
): void {
  const seen = new Map<string, number>();
  const lastCounter = new Map<string, ReadBackRecord>();
  let previous: ReadBackRecord | undefined;
  records.forEach((r, i) => {
    const where = `replica ${node} ${shardId} position ${i}`;
    if (previous !== undefined && BigInt(r.sequenceNumber) <= BigInt(previous.sequenceNumber))
      out.add('order', `${where}: ${show(r)} does not follow ${show(previous)}`);
    previous = r;
    const id = recordId(r);
    if (!sent.has(id)) out.add('unknown', `${where}: ${show(r)} was never sent`);
    const earlier = seen.get(id);
    if (earlier !== undefined) out.add('duplicate', `${where}: ${show(r)} already at position ${earlier}`);
    else seen.set(id, i);
    const last = lastCounter.get(r.key);
    if (last !== undefined && !(r.counter > last.counter))
      out.add('key-order', `${where}: ${show(r)} after ${show(last)} of the same key`);
    lastCounter.set(r.key, r);
  });
}

function checkAcked(history: DurabilityHistory, out: ViolationList): void {
  for (const [node, shards] of history.replicas) {
    const where = new Map<string, { shardId: string; sequenceNumber: string }>();
    for (const [shardId, records] of shards)
      for (const r of records) where.set(recordId(r), { shardId, sequenceNumber: r.sequenceNumber });
    for (const a of history.acked) {
      const found = where.get(recordId(a));
      if (found === undefined)
        out.add(
          'missing',
          `replica ${node}: acked ${a.key}#${a.counter}@${a.sequenceNumber} in ${a.shardId} is absent`,
        );
      else if (found.shardId !== a.shardId || found.sequenceNumber !== a.sequenceNumber)
        out.add(
          'misplaced',
          `replica ${node}: acked ${a.key}#${a.counter} as ${a.shardId}@${a.sequenceNumber}` +
            ` but served at ${found.shardId}@${found.sequenceNumber}`,
        );
    }
  }
}

/**
 * Every violation of "reads serve committed data only": each snapshot (reads
 * taken mid-run, per replica and shard) must be a prefix of that shard's
 * final log as `final`'s first replica serves it (checkDurability has checked
 * that the replicas agree).
 */
export function checkSnapshots(
  snapshots: readonly ReplicaReadBack[],
  final: ReplicaReadBack,
  shardIds: readonly string[],
): Violation[] {
  const out = new ViolationList();
  // The final log of a shard, from the first replica that holds it (all agree, checkDurability proves).
  const referenceOf = (shardId: string): readonly ReadBackRecord[] =>
    [...final.values()].find((shards) => shards.has(shardId))?.get(shardId) ?? [];
  snapshots.forEach((snapshot, n) => {
    for (const [node, shards] of snapshot) {
      for (const shardId of shardIds) {
        const seen = shards.get(shardId);
        if (seen === undefined) continue;
        const log = referenceOf(shardId);
        const at = seen.findIndex((r, i) => !sameRecord(r, log[i]));
        if (at >= 0)
          out.add(
            'uncommitted',
            `snapshot ${n}: replica ${node} ${shardId} position ${at} served ${show(seen[at])}` +
              ` but the final log holds ${show(log[at])}`,
          );
      }
    }
  });
  return out.result();
}

const sameRecord = (a: ReadBackRecord | undefined, b: ReadBackRecord | undefined): boolean =>
  a?.sequenceNumber === b?.sequenceNumber && a?.key === b?.key && a?.counter === b?.counter;

/** A readable report for an assertion message. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `[${v.kind}] ${v.message}`).join('\n');
}
