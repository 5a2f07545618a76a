// The active controller's life on a controller-role node: while this node's
// metadata replica leads the group, one ActiveController runs, ticked every
// `controllerTickMs`; it is stopped when leadership is lost and at node
// stop. A new leader builds a fresh one, which counts every node's silence
// from its own takeover (docs/cluster.md).
import { ActiveController, type ControllerConfig } from '@rheo/controller';
import type { Logger } from '../log/logger.js';
import type { MetaReplica } from './meta-replica.js';

/** How often the active controller runs its loops (liveness, repair, leaders, stream status). */
export const controllerTickMs = 200;

export class ControllerRunner {
  private active: ActiveController | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private ticking = false;
  private stopped = false;
  /** Told of every split and merge the controller proposes (the scaling-actions metric). */
  onScalingAction: ((action: 'split' | 'merge', reason: string) => void) | undefined;

  constructor(
    private readonly nodeId: number,
    private readonly meta: MetaReplica,
    private readonly config: ControllerConfig,
    private readonly log: Logger,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The running controller, while this node leads the metadata group. */
  get controller(): ActiveController | undefined {
    return this.active;
  }

  /** Follows the metadata replica's leadership (called on every change). */
  onLeadership(isLeader: boolean): void {
    if (this.stopped) return;
    if (isLeader && this.active === undefined) this.begin();
    else if (!isLeader && this.active !== undefined) this.end('leadership lost');
  }

  private begin(): void {
    this.active = new ActiveController({
      meta: this.meta,
      config: this.config,
      nowMs: this.nowMs,
      nodeId: this.nodeId,
      onScalingAction: (action, reason) => this.onScalingAction?.(action, reason),
      log: {
        info: (o, m) => this.log.info(o, m),
        warn: (o, m) => this.log.warn(o, m),
      },
    });
    this.timer = setInterval(() => this.tick(), controllerTickMs);
    this.log.info({}, 'this node is the active controller');
  }

  private tick(): void {
    const c = this.active;
    // One tick at a time: a tick waits for its proposals, which may take longer than the interval.
    if (c === undefined || this.ticking) return;
    this.ticking = true;
    c.tick()
      .catch((err: unknown) => this.log.warn({ err }, 'active controller tick failed'))
      .finally(() => {
        this.ticking = false;
      });
  }

  private end(why: string): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.active?.stop();
    this.active = undefined;
    this.log.info({ why }, 'this node is no longer the active controller');
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.active !== undefined) this.end('node stopping');
  }
}
