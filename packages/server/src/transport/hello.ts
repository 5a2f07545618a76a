// The first frame each way on an Exchange stream says who is speaking
// (rheo.v1.RaftHello). The opener checks that the node answering at the
// configured address is the node it meant to reach; the acceptor checks
// that the caller is a known peer that is meant to open (the lower id), in
// this cluster, and that it meant to reach this node.
import type { pb } from '@rheo/wire';

export type HelloCheck =
  | { readonly ok: true; readonly fromNodeId: number; readonly incarnation: string }
  | { readonly ok: false; readonly field: string; readonly message: string };

export interface HelloExpectation {
  readonly clusterId: string;
  readonly selfId: number;
  /** Opener: the id configured for the address it dialled. Acceptor: undefined (any known lower peer). */
  readonly fromNodeId?: number;
  /** Acceptor: is this id a configured peer? */
  readonly isPeer: (id: number) => boolean;
}

export function helloBatch(
  clusterId: string,
  selfId: number,
  peerId: number,
  incarnation: string,
): pb.RaftBatch {
  return { hello: { clusterId, fromNodeId: selfId, toNodeId: peerId, incarnation } };
}

export function checkHello(
  hello: pb.RaftHello__Output | null | undefined,
  expect: HelloExpectation,
): HelloCheck {
  if (hello === null || hello === undefined) return fail('hello', 'the first frame must carry a hello');
  if (hello.clusterId !== expect.clusterId) {
    return fail(
      'hello.cluster_id',
      `cluster "${hello.clusterId}" is not this node's cluster "${expect.clusterId}"`,
    );
  }
  if (hello.toNodeId !== expect.selfId) {
    return fail('hello.to_node_id', `meant for node ${hello.toNodeId}, but this is node ${expect.selfId}`);
  }
  const from = hello.fromNodeId;
  if (expect.fromNodeId !== undefined) {
    if (from !== expect.fromNodeId) {
      return fail(
        'hello.from_node_id',
        `node ${from} answered at the address configured for node ${expect.fromNodeId}`,
      );
    }
  } else if (!expect.isPeer(from)) {
    return fail('hello.from_node_id', `node ${from} is not a known peer of node ${expect.selfId}`);
  } else if (from >= expect.selfId) {
    return fail(
      'hello.from_node_id',
      `node ${from} may not open a stream to node ${expect.selfId}: the lower id opens`,
    );
  }
  return { ok: true, fromNodeId: from, incarnation: hello.incarnation };
}

function fail(field: string, message: string): HelloCheck {
  return { ok: false, field, message };
}
