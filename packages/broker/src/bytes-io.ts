// Tiny big-endian writer and bounds-checked reader for the broker's own
// records (entry envelope, shard state). A read past the end or a value out
// of range throws Corrupt: these bytes come from disk or from a peer.

import { RheoError } from '@rheo/wire';

const U32 = 0x1_0000_0000;

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  pos = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.pos, v >>> 0);
    this.pos += 4;
  }

  /** A non-negative safe integer in 8 bytes. */
  u53(v: number): void {
    this.u32(Math.floor(v / U32));
    this.u32(v >>> 0);
  }

  /** A non-negative bigint below 2^128 in 16 bytes. */
  u128(v: bigint): void {
    for (let shift = 96n; shift >= 0n; shift -= 32n) this.u32(Number((v >> shift) & 0xffff_ffffn));
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

export class ByteReader {
  pos: number;
  private readonly view: DataView;

  constructor(
    readonly buf: Uint8Array,
    private readonly what: string,
    from = 0,
    readonly end = buf.length,
  ) {
    this.pos = from;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  fail(why: string): never {
    throw new RheoError('Corrupt', `${this.what}: ${why} at byte ${this.pos}`);
  }

  private need(n: number): void {
    if (this.pos + n > this.end) this.fail(`truncated (need ${n} bytes)`);
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  u53(): number {
    const hi = this.u32();
    const lo = this.u32();
    if (hi >= 0x20_0000) this.fail('integer above 2^53');
    return hi * U32 + lo;
  }

  u128(): bigint {
    let v = 0n;
    for (let i = 0; i < 4; i++) v = (v << 32n) | BigInt(this.u32());
    return v;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  done(): boolean {
    return this.pos >= this.end;
  }
}
