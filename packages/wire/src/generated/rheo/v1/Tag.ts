// Original file: proto/rheo/v1/common.proto


/**
 * A stream tag.
 */
export interface Tag {
  /**
   * Tag key, 1..128 Unicode characters.
   */
  'key'?: (string);
  /**
   * Tag value, 0..256 Unicode characters.
   */
  'value'?: (string);
}

/**
 * A stream tag.
 */
export interface Tag__Output {
  /**
   * Tag key, 1..128 Unicode characters.
   */
  'key': (string);
  /**
   * Tag value, 0..256 Unicode characters.
   */
  'value': (string);
}
