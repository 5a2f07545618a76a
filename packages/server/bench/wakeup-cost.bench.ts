// What one wake-up costs on this machine: CPU time per event, at a paced rate,
// for the two events a Raft entry is made of on a node, besides its disk
// write (storage's sync-write-cost bench): a timer firing in an otherwise idle
// process, and one gRPC message on a bidirectional stream to another process,
// answered by a 16-byte message (the client's send and the answer's receive
// in this process, the receive and the answer in the child).
//
// Why rates rather than a loop at full speed: a broker at a moderate load
// sleeps between messages, and on a virtual machine each sleep and wake-up
// has a price that a saturated loop never pays (docs/bench.md, "2026-12-02,
// later"). The same event costs several times more at 200 a second than at
// 1,000, so the figures say how much of a node's CPU per Raft entry is the
// machine's price for waking up rather than Rheo's work.
//
// Rates go up and then down again, so a drift in the machine's load shows as
// two figures for one rate. CPU is process CPU (all threads, user + system).
// Run: npm run bench -- wakeup-cost   (BENCH_SECONDS per case, default 3)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { rawBidiService } from '../src/transport/raw-service.js';

const caseSeconds = Number(process.env.BENCH_SECONDS ?? 3);
const rates = [100, 200, 500, 1000];
const ACK = Buffer.alloc(16);
const echoService = rawBidiService('/bench.Echo/Exchange');

const cpuMicros = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** The child: answers every message with ACK, and reports its CPU time when asked on stdin. */
async function echoServer(port: number): Promise<void> {
  const server = new grpc.Server();
  server.addService(echoService, {
    Exchange: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
      call.on('data', () => call.write(ACK));
      call.on('end', () => call.end());
      call.on('error', () => {});
    },
  });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`${LOOPBACK}:${port}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  process.stdin.on('data', () => process.stdout.write(`cpu ${cpuMicros()}\n`));
  process.stdout.write('ready\n');
}

/**
 * Runs `event` `rate` times a second for half a second, then for caseSeconds
 * while measuring: events done, this process's CPU, and the change in
 * each of `sample`'s values (another process's CPU, answers counted) over the same window.
 */
async function paced(
  rate: number,
  event: () => void,
  sample: () => Promise<readonly number[]> = async () => [],
): Promise<{ events: number; micros: number; sampled: number[] }> {
  let events = 0;
  const timer = setInterval(
    () => {
      event();
      events++;
    },
    Math.max(1, Math.round(1000 / rate)),
  );
  await sleep(500);
  const s0 = await sample();
  const e0 = events;
  const c0 = cpuMicros();
  await sleep(caseSeconds * 1000);
  const micros = cpuMicros() - c0;
  const done = events - e0;
  const sampled = (await sample()).map((v, i) => v - (s0[i] ?? 0));
  clearInterval(timer);
  return { events: done, micros, sampled };
}

function line(what: string, rate: number, events: number, micros: number, extra = ''): void {
  const perSecond = events / caseSeconds;
  console.log(
    `${what.padEnd(34)} ${String(rate).padStart(5)}/s asked ${perSecond.toFixed(0).padStart(5)}/s done` +
      `  ${(micros / events).toFixed(0).padStart(5)} µs CPU each  ${(micros / caseSeconds / 1e6).toFixed(3)} cores${extra}`,
  );
}

async function main(): Promise<void> {
  const [port] = (await freePorts(1)) as [number];
  const self = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--conditions=rheo-source', '--import', 'tsx', self, 'echo', String(port)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  // The child answers each question with one line, in order.
  const lines: Array<(l: string) => void> = [];
  createInterface({ input: child.stdout }).on('line', (l) => lines.shift()?.(l));
  const nextLine = (): Promise<string> => new Promise((resolve) => lines.push(resolve));
  const ready = nextLine();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`))),
  );
  await Promise.race([ready, exited]);
  const childCpu = async (): Promise<number> => {
    const answer = nextLine();
    child.stdin.write('?\n');
    return Number((await answer).split(' ')[1]);
  };

  const Client = grpc.makeGenericClientConstructor(echoService, 'Echo');
  const client = new Client(
    `${LOOPBACK}:${port}`,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & {
    Exchange(): grpc.ClientDuplexStream<Buffer, Buffer>;
  };
  const call = client.Exchange();
  let answers = 0;
  call.on('data', () => answers++);
  call.on('error', () => {});
  const payload = Buffer.alloc(1024, 7);
  try {
    // Unreported: the first cases paid for compiling both sides' code (twice the later figures).
    await paced(1000, () => call.write(payload));
    console.log(`paced events, ${caseSeconds} s per case (BENCH_SECONDS); CPU per event, all threads`);
    for (const rate of [...rates, ...rates.slice(0, -1).reverse()]) {
      const t = await paced(rate, () => {});
      line('timer tick (idle process)', rate, t.events, t.micros);
      const g = await paced(
        rate,
        () => call.write(payload),
        async () => [await childCpu(), answers],
      );
      const [serverMicros = 0, answered = 0] = g.sampled;
      line(
        'gRPC message + answer: client',
        rate,
        g.events,
        g.micros,
        `  (answered ${((answered / g.events) * 100).toFixed(0)}%)`,
      );
      line('gRPC message + answer: server', rate, g.events, serverMicros);
    }
  } finally {
    call.end();
    client.close();
    child.kill('SIGKILL');
  }
}

if (process.argv[2] === 'echo') await echoServer(Number(process.argv[3]));
else await main();
