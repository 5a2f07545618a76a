// GetRecords routing: the gateway reads the stream and shard out of a shard
// iterator without its secret (peekIteratorRoute, @rheo/wire), and anything
// that is not an iterator yields no route. Property: for any names a token
// can carry, the peeked route is the signed one, whatever the secret.
import { encodeIteratorToken, peekIteratorRoute } from '@rheo/wire';
import fc from 'fast-check';
import { expect, test } from 'vitest';

test('the route of any token is the stream and shard it was signed with', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 128 }),
      fc.string({ minLength: 1, maxLength: 64 }),
      fc.uint8Array({ minLength: 16, maxLength: 64 }),
      fc.constantFrom('TRIM_HORIZON', 'LATEST'),
      (streamName, shardId, secret, kind) => {
        const token = encodeIteratorToken(
          { streamName, shardId, position: { kind: kind as 'LATEST' }, issuedMs: 1_700_000_000_000 },
          secret,
        );
        expect(peekIteratorRoute(token)).toEqual({ streamName, shardId });
      },
    ),
  );
});

test('what is not a token has no route', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 600 }), (text) => {
      const route = peekIteratorRoute(text);
      if (route !== undefined) expect(typeof route.shardId).toBe('string');
    }),
  );
  expect(peekIteratorRoute('')).toBeUndefined();
  expect(peekIteratorRoute('not an iterator!')).toBeUndefined();
  expect(peekIteratorRoute('AAAA')).toBeUndefined();
});
