// MD5 (RFC 1321) of a byte range, written into a caller's buffer. This is
// not for security: Kinesis routes a record by MD5 of its partition key, and
// the leader recomputes it for every record of every batch to check the
// shard's hash range. node:crypto costs about 2 µs per call for a short key
// (crossing into C++ and allocating the digest), which caps a core at a few
// hundred thousand records/s; this loop over one 64-byte block takes a
// fraction of that and allocates nothing. test/md5.test.ts checks it
// against node:crypto's MD5 at every padding boundary and on random input.

// K[i] = floor(|sin(i + 1)| * 2^32), RFC 1321 section 3.4.
const K = Int32Array.from([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
  0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
  0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
  0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
  0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
  0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
  0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
  0xeb86d391,
]);
// Per-round left rotations, RFC 1321 section 3.4.
const S = Uint8Array.from([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
]);
// The 16 little-endian words of the block being hashed; reused, since the code is synchronous.
const words = new Int32Array(16);
const state = new Int32Array(4);

/** Loads padded block `index` of the message `data[from, from + length)` into `words`. */
function loadBlock(data: Uint8Array, from: number, length: number, index: number, last: boolean): void {
  const base = index * 64;
  for (let w = 0; w < 16; w++) {
    const i = base + w * 4;
    if (i + 4 <= length) {
      const at = from + i;
      words[w] = data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24);
      continue;
    }
    let word = 0;
    for (let b = 0; b < 4; b++) {
      // The message, then the 0x80 marker, then zeros (RFC 1321 section 3.1).
      const byte = i + b < length ? data[from + i + b]! : i + b === length ? 0x80 : 0;
      word |= byte << (8 * b);
    }
    words[w] = word;
  }
  if (last) {
    // The message length in bits, as a little-endian u64 (section 3.2).
    words[14] = (length * 8) | 0;
    words[15] = Math.floor(length / 0x2000_0000) | 0;
  }
}

/** One MD5 step: the round function's value `f` mixed into `a`, rotated, added to `b`. */
function step(f: number, a: number, b: number, i: number, g: number): number {
  const x = (f + a + K[i]! + words[g]!) | 0;
  const s = S[i]!;
  return (b + ((x << s) | (x >>> (32 - s)))) | 0;
}

/** The 64 steps of RFC 1321 section 3.4, as four loops so no step branches on its round. */
function compressBlock(): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let t: number;
  for (let i = 0; i < 16; i++) {
    t = step((b & c) | (~b & d), a, b, i, i);
    a = d;
    d = c;
    c = b;
    b = t;
  }
  for (let i = 16; i < 32; i++) {
    t = step((d & b) | (~d & c), a, b, i, (5 * i + 1) & 15);
    a = d;
    d = c;
    c = b;
    b = t;
  }
  for (let i = 32; i < 48; i++) {
    t = step(b ^ c ^ d, a, b, i, (3 * i + 5) & 15);
    a = d;
    d = c;
    c = b;
    b = t;
  }
  for (let i = 48; i < 64; i++) {
    t = step(c ^ (b | ~d), a, b, i, (7 * i) & 15);
    a = d;
    d = c;
    c = b;
    b = t;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
}

/** Writes MD5 of `data[from, to)` as 16 bytes into `out` at `offset`. */
export function md5Into(data: Uint8Array, from: number, to: number, out: Uint8Array, offset: number): void {
  const length = to - from;
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
  // Padding adds the marker byte and 8 length bytes, rounded up to whole blocks.
  const blocks = Math.floor((length + 8) / 64) + 1;
  for (let i = 0; i < blocks; i++) {
    loadBlock(data, from, length, i, i === blocks - 1);
    compressBlock();
  }
  for (let w = 0; w < 4; w++) {
    const v = state[w]!;
    out[offset + w * 4] = v;
    out[offset + w * 4 + 1] = v >>> 8;
    out[offset + w * 4 + 2] = v >>> 16;
    out[offset + w * 4 + 3] = v >>> 24;
  }
}
