// CPU cost of idle groups' heartbeats through the whole transport (queue,
// batch, frame codec, gRPC stream, delivery), coalesced versus full. Two
// transports in this one process talk over a real loopback gRPC stream:
// node 1 keeps 10,000 heartbeats of 1,000 groups in flight and node 2
// answers each one. CPU time is the process's (both nodes, the answering
// handler included), per round trip, so the figure holds up on a busy
// machine better than a rate between two processes does.
// Run: npm run bench -- heartbeat-cpu
import { type Message, MessageType } from '@rheo/raft';
import { LOOPBACK } from '@rheo/testkit';
import { RaftTransport, startGrpcServer } from '../src/index.js';

const roundTrips = 300_000;
const inFlight = 10_000;
const groups = 1000;
const EMPTY = new Uint8Array(0);

/** One literal in the core's field order, as @rheo/raft builds messages. */
function heartbeat(type: MessageType, from: number, to: number, index: number, commit: number): Message {
  return {
    type,
    to,
    from,
    term: 1,
    logTerm: 0,
    index,
    entries: [],
    commit,
    reject: false,
    rejectHint: 0,
    rejectHintTerm: 0,
    context: EMPTY,
  };
}

async function run(index: number): Promise<void> {
  const answerer: RaftTransport = new RaftTransport({
    nodeId: 2,
    clusterId: 'bench',
    peers: [{ id: 1, address: `${LOOPBACK}:1` }],
    hasGroup: () => true,
    handler: (g, m) => answerer.send(g, heartbeat(MessageType.HeartbeatResp, 2, 1, m.index, 0)),
  });
  const server = await startGrpcServer({ host: LOOPBACK, port: 0 }, (s) => answerer.register(s));
  let answered = 0;
  let finish = (): void => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const sender: RaftTransport = new RaftTransport({
    nodeId: 1,
    clusterId: 'bench',
    peers: [{ id: 2, address: server.address }],
    hasGroup: () => true,
    handler: (g) => {
      if (++answered === roundTrips) finish();
      else if (answered <= roundTrips - inFlight)
        sender.send(g, heartbeat(MessageType.Heartbeat, 1, 2, index, 5));
    },
  });
  await new Promise((r) => setTimeout(r, 300));
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < inFlight; i++)
    sender.send((i % groups) + 1, heartbeat(MessageType.Heartbeat, 1, 2, index, 5));
  await finished;
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - start;
  const s = sender.stats().peers[0]!;
  const name = index === 0 ? 'coalesced (index 0)' : 'full (index set, as the core sends)';
  console.log(
    `${name.padEnd(36)} ${((cpu.user + cpu.system) / roundTrips).toFixed(2).padStart(6)} µs CPU per round trip` +
      `  ${Math.round(roundTrips / (ms / 1000))
        .toLocaleString('en-US')
        .padStart(9)} round trips/s` +
      `  ${(s.bytesSent / s.messagesSent).toFixed(1)} wire bytes/heartbeat`,
  );
  sender.close();
  answerer.close();
  server.server.forceShutdown();
}

console.log(
  `${roundTrips.toLocaleString('en-US')} heartbeat round trips, ${inFlight.toLocaleString('en-US')} in flight over ${groups} groups, one process`,
);
for (const index of [0, 3, 0, 3]) await run(index);
