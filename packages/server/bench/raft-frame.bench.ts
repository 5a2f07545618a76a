// The Raft transport's frame work in one process, no network: for a batch
// of 1,000 messages, the time per message to cut the batch off a peer queue
// and encode it, and to decode it and deliver it; with the hand-written
// codec and, for comparison, the contract's generic codec (proto-loader /
// protobufjs). Each case warms up, then runs timed rounds; the figure is
// the median round.
// Run: npm run bench -- raft-frame
import { type Message, MessageType } from '@rheo/raft';
import { loadRheoProto, type pb } from '@rheo/wire';
import { takeBatch } from '../src/transport/batch-builder.js';
import { encodeRaftBatch } from '../src/transport/batch-codec.js';
import { decodeRaftBatch } from '../src/transport/batch-decode.js';
import { CoalesceKind, coalesceKind } from '../src/transport/coalesce.js';
import { coalescedEntryBytesMax, groupMessageBytesMax } from '../src/transport/frame-size.js';
import { PeerQueue } from '../src/transport/peer-queue.js';
import { deliverBatch } from '../src/transport/receive.js';

const batchMessages = 1000;
const warmupMs = 600;
const roundMs = 200;
const rounds = 5;
const RaftBatch = loadRheoProto().rheo.v1.RaftBatch;

const EMPTY = new Uint8Array(0);

function message(extra: Partial<Message>): Message {
  // One literal in the core's field order (as @rheo/raft's newMessage builds them): spreading makes
  // slow-shaped objects, and the bench would measure those instead of the transport.
  return {
    type: extra.type ?? MessageType.Heartbeat,
    to: extra.to ?? 2,
    from: extra.from ?? 1,
    term: extra.term ?? 7,
    logTerm: extra.logTerm ?? 0,
    index: extra.index ?? 0,
    entries: extra.entries ?? [],
    commit: extra.commit ?? 0,
    reject: extra.reject ?? false,
    rejectHint: extra.rejectHint ?? 0,
    rejectHintTerm: extra.rejectHintTerm ?? 0,
    context: extra.context ?? EMPTY,
  };
}

/** Median over rounds of the time per call, in µs. */
function measure(op: () => void): number {
  const deadline = performance.now() + warmupMs;
  while (performance.now() < deadline) op();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < roundMs) {
      op();
      calls++;
    }
    times.push(((performance.now() - start) * 1000) / calls);
  }
  times.sort((a, b) => a - b);
  return times[rounds >> 1]!;
}

function queueOf(messages: readonly Message[]): PeerQueue {
  const q = new PeerQueue(1e9, 1e15);
  messages.forEach((msg, i) => {
    const kind = coalesceKind(msg);
    q.push({
      groupId: i + 2,
      msg,
      kind,
      bytes: kind === CoalesceKind.None ? groupMessageBytesMax(msg) : coalescedEntryBytesMax,
    });
  });
  return q;
}

function runCase(name: string, make: (i: number) => Message): void {
  const messages = Array.from({ length: batchMessages }, (_, i) => make(i));
  const batch: pb.RaftBatch = takeBatch(queueOf(messages), 1e15, new Set()).batch;
  const ours = encodeRaftBatch(batch);
  const ctx = { selfId: 2, peerId: 1, hasGroup: () => true, handler: () => {}, drop: () => {} };
  const send = measure(() => encodeRaftBatch(takeBatch(queueOf(messages), 1e15, new Set()).batch));
  const receive = measure(() => deliverBatch(decodeRaftBatch(ours), ctx));
  const genericEncode = measure(() => RaftBatch.serialize(batch));
  const genericDecode = measure(() => RaftBatch.deserialize(ours));
  const ourEncode = measure(() => encodeRaftBatch(batch));
  const ourDecode = measure(() => decodeRaftBatch(ours));
  const per = (us: number) => `${(us / batchMessages).toFixed(2).padStart(6)} µs`;
  console.log(
    `${name.padEnd(34)} queue+encode ${per(send)}  decode+deliver ${per(receive)}  ` +
      `| codec only: ours ${per(ourEncode)} / ${per(ourDecode)}, generic ${per(genericEncode)} / ${per(genericDecode)}` +
      `  (${(ours.length / batchMessages).toFixed(1)} B/msg)`,
  );
}

console.log(`per message, batches of ${batchMessages}; codec columns are encode / decode`);
runCase('heartbeats, coalesced', () => message({ commit: 41 }));
runCase('heartbeats, full (index set)', (i) => message({ commit: 41, index: 100 + i }));
runCase('appends, one 1 KiB entry', (i) =>
  message({
    type: MessageType.App,
    index: 99 + i,
    logTerm: 7,
    commit: 90,
    entries: [{ term: 7, index: 100 + i, type: 0, data: new Uint8Array(1024) }],
  }),
);
runCase('append responses', (i) => message({ type: MessageType.AppResp, index: 100 + i }));
