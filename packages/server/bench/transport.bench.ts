// Throughput of the node-to-node Raft transport between two Node processes
// over loopback (this process is node 1, the opener; a child process is
// node 2). Node 2 answers every App with an AppResp and every Heartbeat
// with a HeartbeatResp, and node 1 keeps a window of unanswered messages
// in flight, so the figures are delivered-and-answered rates with the
// transport's own batching (one write per peer per event-loop turn) and
// backpressure. Cases:
//   - App messages of one 512 KiB entry (a 500 × 1 KiB record batch);
//   - App messages of one 1 KiB entry (to compare with one record per gRPC message);
//   - heartbeats of 1,000 groups, coalesced (the compact form) and full
//     (as today's core sends them, with the heartbeat round in `index`);
//   - a baseline on the same connection setup: a bare gRPC bidi stream of
//     512 KiB Buffers answered by 16-byte acks (no Raft, no codec), so the
//     transport's figure can be quoted as a ratio on a noisy machine.
// MB is 10^6 bytes of entry data; "wire" is the bytes of the frames both ways.
// Run: npm run bench -- transport
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { type Message, MessageType } from '@rheo/raft';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { grpcChannelOptions } from '@rheo/wire';
import { RaftTransport, startGrpcServer } from '../src/index.js';
import { flowWindowBytes, raiseServerWindow } from '../src/transport/flow-window.js';
import { rawBidiService } from '../src/transport/raw-service.js';

const caseSeconds = Number(process.env.BENCH_SECONDS ?? 3);
const warmupSeconds = 0.5;
const KiB = 1024;

const EMPTY = new Uint8Array(0);

function message(type: MessageType, from: number, to: number, extra: Partial<Message> = {}): Message {
  // One literal in the core's field order (as @rheo/raft's newMessage builds them): spreading makes
  // slow-shaped objects, and the bench would measure those instead of the transport.
  return {
    type: type,
    to: to,
    from: from,
    term: extra.term ?? 1,
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

/** Node 2, in the child process: answers what it gets. */
async function receiver(port: number, peerPort: number): Promise<void> {
  const transport: RaftTransport = new RaftTransport({
    nodeId: 2,
    clusterId: 'bench',
    peers: [{ id: 1, address: `${LOOPBACK}:${peerPort}` }],
    hasGroup: () => true,
    handler: (g, m) => {
      if (m.type === MessageType.App)
        transport.send(g, message(MessageType.AppResp, 2, 1, { index: m.index + 1 }));
      else if (m.type === MessageType.Heartbeat)
        transport.send(g, message(MessageType.HeartbeatResp, 2, 1, { index: m.index }));
    },
  });
  await startGrpcServer({ host: LOOPBACK, port }, (s) => {
    transport.register(s);
    s.addService(pipeService, { Exchange: pipeHandler });
  });
  console.log('ready');
}

const pipeService = rawBidiService('/bench.Pipe/Exchange');
const ACK = Buffer.alloc(16);

function pipeHandler(call: grpc.ServerDuplexStream<Buffer, Buffer>): void {
  raiseServerWindow(call);
  call.on('data', () => call.write(ACK));
  call.on('end', () => call.end());
  call.on('error', () => {});
}

/** The baseline: `window` 512 KiB Buffers in flight on a bare bidi stream, counted by acks. */
async function runPipe(address: string, payload: Buffer, window: number): Promise<CaseResult> {
  const Client = grpc.makeGenericClientConstructor(pipeService, 'Pipe');
  const client = new Client(address, grpc.credentials.createInsecure(), {
    ...grpcChannelOptions,
    'grpc-node.flow_control_window': flowWindowBytes,
  }) as unknown as grpc.Client & { Exchange(): grpc.ClientDuplexStream<Buffer, Buffer> };
  const call = client.Exchange();
  let answered = 0;
  let measuring = false;
  let stopped = false;
  call.on('data', () => {
    if (measuring) answered++;
    if (!stopped) call.write(payload);
  });
  call.on('error', () => {});
  for (let i = 0; i < window; i++) call.write(payload);
  await sleep(warmupSeconds * 1000);
  measuring = true;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await sleep(caseSeconds * 1000);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  stopped = true;
  call.cancel();
  client.close();
  const wireBytes = answered * (payload.length + ACK.length);
  return { answered, seconds, wireBytes, cpuMicros: cpu.user + cpu.system };
}

interface CaseResult {
  readonly answered: number;
  readonly seconds: number;
  readonly wireBytes: number;
  /** CPU time of this (sending) process during the measurement. */
  readonly cpuMicros?: number;
}

/** Keeps `window` messages unanswered, for `caseSeconds` after a warm-up; counts answers. */
async function runCase(
  sender: Sender,
  make: (group: number) => Message,
  groups: number,
  window: number,
): Promise<CaseResult> {
  let answered = 0;
  let measuring = false;
  let stopped = false;
  sender.onAnswer = (g) => {
    if (measuring) answered++;
    if (!stopped) sender.transport.send(g, make(g));
  };
  for (let i = 0; i < window; i++) sender.transport.send((i % groups) + 1, make((i % groups) + 1));
  await sleep(warmupSeconds * 1000);
  const wire0 = wireBytes(sender.transport);
  measuring = true;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await sleep(caseSeconds * 1000);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const wire = wireBytes(sender.transport) - wire0;
  stopped = true;
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(sender.transport.stats().peers[0]));
  await sleep(300); // let the window drain before the next case
  return { answered, seconds, wireBytes: wire, cpuMicros: cpu.user + cpu.system };
}

interface Sender {
  readonly transport: RaftTransport;
  onAnswer: (group: number) => void;
}

function wireBytes(t: RaftTransport): number {
  const p = t.stats().peers[0]!;
  return p.bytesSent + p.bytesReceived;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function report(name: string, r: CaseResult, entryBytes: number): void {
  const perSecond = r.answered / r.seconds;
  const mb = (perSecond * entryBytes) / 1e6;
  const wireMb = r.wireBytes / r.seconds / 1e6;
  const data = entryBytes > 0 ? `${fmt(mb).padStart(8)} MB/s data` : ''.padStart(18);
  const cpu =
    r.cpuMicros === undefined || r.answered === 0
      ? ''
      : `  ${(r.cpuMicros / r.answered).toFixed(1)} µs CPU/msg (sender)`;
  console.log(
    `${name.padEnd(46)} ${fmt(perSecond).padStart(10)} msgs/s ${data} ${fmt(wireMb).padStart(8)} MB/s wire${cpu}`,
  );
}

async function main(): Promise<void> {
  const [p1, p2] = (await freePorts(2)) as [number, number];
  const self = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--conditions=rheo-source', '--import', 'tsx', self, 'receiver', String(p2), String(p1)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  const sender: Sender = { transport: undefined as unknown as RaftTransport, onAnswer: () => {} };
  (sender as { transport: RaftTransport }).transport = new RaftTransport({
    nodeId: 1,
    clusterId: 'bench',
    ...(process.env.BENCH_BATCH_BYTES ? { batchBytesMax: Number(process.env.BENCH_BATCH_BYTES) } : {}),
    peers: [{ id: 2, address: `${LOOPBACK}:${p2}` }],
    hasGroup: () => true,
    handler: (g) => sender.onAnswer(g),
  });
  const server = await startGrpcServer({ host: LOOPBACK, port: p1 }, (s) => sender.transport.register(s));
  try {
    await runAll(sender, `${LOOPBACK}:${p2}`);
  } finally {
    sender.transport.close();
    server.server.forceShutdown();
    child.kill('SIGKILL');
  }
}

async function runAll(sender: Sender, receiverAddress: string): Promise<void> {
  console.log(`two processes over loopback, ${caseSeconds} s per case (BENCH_SECONDS), answered messages`);
  const big = Buffer.alloc(512 * KiB, 7);
  const r0 = await runPipe(receiverAddress, big, 32);
  report('baseline: bare gRPC stream, 512 KiB Buffers', r0, big.length);
  const r1 = await runCase(
    sender,
    (g) => message(MessageType.App, 1, 2, { entries: [{ term: 1, index: g, type: 0, data: big }] }),
    8,
    32,
  );
  report('App, one 512 KiB entry (500 × 1 KiB records)', r1, big.length);
  console.log(
    `${''.padEnd(46)} ${((100 * r1.answered) / r1.seconds / (r0.answered / r0.seconds)).toFixed(0).padStart(10)} % of the baseline`,
  );
  const small = Buffer.alloc(KiB, 7);
  const r2 = await runCase(
    sender,
    (g) => message(MessageType.App, 1, 2, { entries: [{ term: 1, index: g, type: 0, data: small }] }),
    1000,
    4000,
  );
  report('App, one 1 KiB entry', r2, small.length);
  const r3 = await runCase(sender, () => message(MessageType.Heartbeat, 1, 2, { commit: 5 }), 1000, 10_000);
  report('heartbeats of 1,000 groups, coalesced', r3, 0);
  console.log(
    `${''.padEnd(46)} ${fmt(r3.wireBytes / (r3.answered * 2)).padStart(10)} wire bytes per message`,
  );
  const r4 = await runCase(
    sender,
    () => message(MessageType.Heartbeat, 1, 2, { commit: 5, index: 3 }),
    1000,
    10_000,
  );
  report('heartbeats of 1,000 groups, full (index set)', r4, 0);
  console.log(
    `${''.padEnd(46)} ${fmt(r4.wireBytes / (r4.answered * 2)).padStart(10)} wire bytes per message`,
  );
}

if (process.argv[2] === 'receiver') await receiver(Number(process.argv[3]), Number(process.argv[4]));
else await main();
