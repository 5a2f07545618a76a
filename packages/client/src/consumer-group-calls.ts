// The ConsumerGroups service's calls, SDK side: any node answers (it
// forwards to the active controller), so calls go to the seeds like the
// admin calls. One ConsumerGroups client per seed address.
import { grpcChannelOptions, loadRheoProto, type pb } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

export interface LeaseInfo {
  readonly shardId: string;
  readonly owner: string;
  readonly counter: number;
  readonly checkpointSequenceNumber: string;
  readonly checkpointAtShardEnd: boolean;
  readonly parentShardIds: readonly string[];
  readonly expiresAtMs: number;
  readonly millisBehindLatest: number;
}

export function leaseInfo(l: pb.Lease__Output): LeaseInfo {
  return {
    shardId: l.shardId,
    owner: l.owner,
    counter: Number(l.leaseCounter),
    checkpointSequenceNumber: l.checkpoint?.sequenceNumber ?? '',
    checkpointAtShardEnd: l.checkpoint?.atShardEnd ?? false,
    parentShardIds: l.parentShardIds,
    expiresAtMs: Number(l.expiresAtMs),
    millisBehindLatest: Number(l.millisBehindLatest),
  };
}

type Method = keyof pb.ConsumerGroupsClient & string;

export class GroupCalls {
  private readonly clients = new Map<string, pb.ConsumerGroupsClient>();

  constructor(private readonly client: RheoClient) {}

  /** Calls `method` on a seed; a LeaseLost or other non-retryable answer rejects as it is. */
  call<Res>(method: Method, req: object, outcomeUnknownSafe = true): Promise<Res> {
    return this.client.seedCall((node) => {
      const c = this.groupsClient(node.address);
      const fn = (c as unknown as Record<string, (...a: unknown[]) => unknown>)[method] as never;
      return unary<object, Res>(fn, c, req, this.client.options.callDeadlineMs);
    }, outcomeUnknownSafe);
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  private groupsClient(address: string): pb.ConsumerGroupsClient {
    let c = this.clients.get(address);
    if (c === undefined) {
      const v1 = loadRheoProto().rheo.v1;
      c = new v1.ConsumerGroups(address, this.client.options.credentials, grpcChannelOptions);
      this.clients.set(address, c);
    }
    return c;
  }
}

export interface GroupDescription {
  readonly leaseDurationMs: number;
  readonly initialPosition: string;
  /** One per retained shard, sorted by shard id. */
  readonly leases: readonly LeaseInfo[];
  readonly activeWorkers: readonly string[];
}

/** Consumer groups' administration: describe (rheo group status), list, delete, and a raw checkpoint. */
export class ConsumerGroupAdmin {
  private readonly calls: GroupCalls;

  constructor(client: RheoClient) {
    this.calls = new GroupCalls(client);
  }

  async describe(streamName: string, groupName: string): Promise<GroupDescription> {
    const d = await this.calls.call<pb.DescribeConsumerGroupResponse__Output>('DescribeConsumerGroup', {
      streamName,
      groupName,
    });
    return {
      leaseDurationMs: d.settings?.leaseDurationMs ?? 0,
      initialPosition: String(d.settings?.initialPosition?.type ?? '').replace('SHARD_ITERATOR_TYPE_', ''),
      leases: d.leases.map(leaseInfo),
      activeWorkers: d.activeWorkers,
    };
  }

  async list(streamName: string): Promise<string[]> {
    const r = await this.calls.call<pb.ListConsumerGroupsResponse__Output>('ListConsumerGroups', {
      streamName,
    });
    return r.groupNames;
  }

  async delete(streamName: string, groupName: string): Promise<void> {
    await this.calls.call('DeleteConsumerGroup', { streamName, groupName }, false);
  }

  /** Checkpoints as `workerId` holding `shardId` under `leaseCounter` (LeaseLost unless it does). */
  async checkpoint(
    streamName: string,
    groupName: string,
    workerId: string,
    lease: { readonly shardId: string; readonly counter: number },
    sequenceNumber: string,
  ): Promise<void> {
    await this.calls.call(
      'Checkpoint',
      {
        streamName,
        groupName,
        workerId,
        lease: { shardId: lease.shardId, leaseCounter: lease.counter },
        sequenceNumber,
      },
      false,
    );
  }

  close(): void {
    this.calls.close();
  }
}
