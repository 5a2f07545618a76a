// Original file: proto/rheo/v1/common.proto


/**
 * A contiguous, inclusive range of the 128-bit hash-key space.
 */
export interface HashKeyRange {
  /**
   * Lowest hash key in the range: an unsigned decimal string, 0 .. 2^128-1.
   */
  'startingHashKey'?: (string);
  /**
   * Highest hash key in the range (inclusive): an unsigned decimal string, 0 .. 2^128-1.
   */
  'endingHashKey'?: (string);
}

/**
 * A contiguous, inclusive range of the 128-bit hash-key space.
 */
export interface HashKeyRange__Output {
  /**
   * Lowest hash key in the range: an unsigned decimal string, 0 .. 2^128-1.
   */
  'startingHashKey': (string);
  /**
   * Highest hash key in the range (inclusive): an unsigned decimal string, 0 .. 2^128-1.
   */
  'endingHashKey': (string);
}
