// The failure a simulation run throws: everything needed to replay it.

export interface ReplayInfo {
  readonly seed: number;
  readonly nodes: number;
  readonly phase: 'safety' | 'liveness';
  readonly tick: number;
  readonly invariant: string;
  readonly extraArgs?: string;
}

export function replayCommand(seed: number, nodes: number, extraArgs = ''): string {
  return `npm run test:sim -- --seed ${seed} --nodes ${nodes}${extraArgs} --verbose`;
}

export class SimulationFailure extends Error {
  override readonly name = 'SimulationFailure' as const;
  readonly replay: string;

  constructor(
    readonly info: ReplayInfo,
    detail: string,
    traceTail: readonly string[],
    options?: { cause?: unknown },
  ) {
    const replay = replayCommand(info.seed, info.nodes, info.extraArgs);
    const tail = traceTail.length > 0 ? `\nlast events:\n${traceTail.join('\n')}` : '';
    super(
      `simulation failed: seed=${info.seed} nodes=${info.nodes} phase=${info.phase} tick=${info.tick} ` +
        `invariant=${info.invariant}\n${detail}\nreplay: ${replay}${tail}`,
      options,
    );
    this.replay = replay;
  }
}
