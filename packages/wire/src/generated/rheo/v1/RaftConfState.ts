// Original file: proto/rheo/v1/internal.proto


/**
 * A group's membership (types.ts ConfState).
 */
export interface RaftConfState {
  /**
   * Voters (the incoming configuration during a joint change).
   */
  'voters'?: (number)[];
  /**
   * Non-voting members catching up.
   */
  'learners'?: (number)[];
  /**
   * Voters of the outgoing configuration during a joint change; empty otherwise.
   */
  'votersOutgoing'?: (number)[];
  /**
   * Voters that become learners when the joint configuration is left.
   */
  'learnersNext'?: (number)[];
  /**
   * Leave the joint configuration automatically once it commits.
   */
  'autoLeave'?: (boolean);
}

/**
 * A group's membership (types.ts ConfState).
 */
export interface RaftConfState__Output {
  /**
   * Voters (the incoming configuration during a joint change).
   */
  'voters': (number)[];
  /**
   * Non-voting members catching up.
   */
  'learners': (number)[];
  /**
   * Voters of the outgoing configuration during a joint change; empty otherwise.
   */
  'votersOutgoing': (number)[];
  /**
   * Voters that become learners when the joint configuration is left.
   */
  'learnersNext': (number)[];
  /**
   * Leave the joint configuration automatically once it commits.
   */
  'autoLeave': (boolean);
}
