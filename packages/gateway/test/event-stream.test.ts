// The event-stream framing SubscribeToShard answers with: CRC-32 is zlib's
// (the check value of "123456789"), and a framed message reads back to its
// headers and payload with both CRCs where the format puts them.
import { expect, test } from 'vitest';
import { crc32, eventMessage, readEventMessage } from '../src/event-stream.js';

test('CRC-32 is the ISO-HDLC one (check value 0xCBF43926)', () => {
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
});

test('a framed message carries its lengths, CRCs, headers and payload', () => {
  const payload = Buffer.from('{"Records":[]}');
  const frame = eventMessage({ ':message-type': 'event', ':event-type': 'SubscribeToShardEvent' }, payload);
  expect(frame.readUInt32BE(0)).toBe(frame.length);
  expect(frame.readUInt32BE(8)).toBe(crc32(frame.subarray(0, 8)));
  expect(frame.readUInt32BE(frame.length - 4)).toBe(crc32(frame.subarray(0, frame.length - 4)));
  const read = readEventMessage(frame);
  expect(read.headers).toEqual({ ':message-type': 'event', ':event-type': 'SubscribeToShardEvent' });
  expect(read.payload).toEqual(payload);
});
