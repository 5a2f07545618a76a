// The key that signs shard-iterator tokens, derived from the cluster secret
// rather than being the secret itself: the secret may one day sign other
// things (node admission, the gateway), and one key per use keeps a
// weakness in one from reaching the others. Every node derives the same
// key, so a token issued by one node reads on any other.
import { createHmac } from 'node:crypto';

const ITERATOR_KEY_LABEL = 'rheo shard-iterator tokens v1';

export function deriveIteratorSecret(clusterSecret: string): Uint8Array {
  return createHmac('sha256', clusterSecret).update(ITERATOR_KEY_LABEL).digest();
}
