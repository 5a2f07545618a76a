// Partition-key rules: 1..256 Unicode characters, sent as UTF-8. Kinesis
// (Smithy's length rule) counts code points, so "😀" is one character though
// it is two UTF-16 units and four UTF-8 bytes. Both checks below take the
// cheap path first: most keys are short ASCII, and a key of at most 256
// bytes or 256 UTF-16 units cannot hold more than 256 code points.
import { isUtf8 } from 'node:buffer';
import { partitionKeyBytesMax, partitionKeyCharsMax } from './limits.js';

// In a /u regex, \p{Cs} matches only a lone surrogate (pairs are one code point).
const loneSurrogate = /\p{Cs}/u;

/** Code points in a JavaScript string. */
export function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate completes the code point its high surrogate started.
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}

/**
 * Why a partition key given as a string breaks the rules, or undefined when
 * it keeps them. A lone surrogate has no UTF-8 form, so it would change on the
 * wire; it is refused rather than silently replaced.
 */
export function partitionKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'partition key is empty';
  if (key.length > partitionKeyCharsMax && codePointCount(key) > partitionKeyCharsMax) {
    return `partition key is ${codePointCount(key)} characters, more than ${partitionKeyCharsMax}`;
  }
  if (loneSurrogate.test(key)) return 'partition key is not well-formed Unicode (lone surrogate)';
  return undefined;
}

/**
 * Code points in the UTF-8 key at bytes [from, to), or -1 when those bytes
 * are not well-formed UTF-8. Allocates only for non-ASCII keys.
 */
export function utf8KeyCharCount(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && buf[i]! < 0x80) i++;
  if (i === to) return to - from;
  if (!isUtf8(buf.subarray(from, to))) return -1;
  let count = 0;
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  for (let j = from; j < to; j++) if ((buf[j]! & 0xc0) !== 0x80) count++;
  return count;
}

/** Why UTF-8 key bytes break the rules, or undefined when they keep them. */
export function partitionKeyBytesProblem(buf: Uint8Array, from: number, to: number): string | undefined {
  const bytes = to - from;
  if (bytes < 1 || bytes > partitionKeyBytesMax)
    return `partition key is ${bytes} bytes, not 1..${partitionKeyBytesMax}`;
  const chars = utf8KeyCharCount(buf, from, to);
  if (chars < 0) return 'partition key is not well-formed UTF-8';
  if (chars > partitionKeyCharsMax)
    return `partition key is ${chars} characters, more than ${partitionKeyCharsMax}`;
  return undefined;
}
