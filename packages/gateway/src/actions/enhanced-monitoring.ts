// EnableEnhancedMonitoring and DisableEnhancedMonitoring: one shape, two RPCs.
import type { KinesisAction } from '../action.js';
import {
  metricFromPb as fromPb,
  shardLevelMetrics as metrics,
  metricToPb as toPb,
} from '../kinesis-shapes.js';
import { streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { strings } from './input.js';

interface PbMonitoring {
  readonly streamName: string;
  readonly currentShardLevelMetrics: string[];
  readonly desiredShardLevelMetrics: string[];
  readonly streamArn: string;
}

function monitoringAction(method: 'EnableEnhancedMonitoring' | 'DisableEnhancedMonitoring'): KinesisAction {
  return {
    schema: {
      ...streamRef,
      ShardLevelMetrics: {
        type: 'List',
        notNull: true,
        lengthMin: 1,
        lengthMax: 7,
        member: { type: 'String', enum: metrics },
      },
    },
    check: streamOf,
    async run(cluster, input) {
      const a = await cluster.adminCall<PbMonitoring>(method, method, {
        streamName: streamOf(input),
        shardLevelMetrics: strings(input, 'ShardLevelMetrics').map(toPb),
      });
      return {
        StreamName: a.streamName,
        CurrentShardLevelMetrics: a.currentShardLevelMetrics.map(fromPb),
        DesiredShardLevelMetrics: a.desiredShardLevelMetrics.map(fromPb),
        StreamARN: a.streamArn,
      };
    },
  };
}

export const enableEnhancedMonitoring = monitoringAction('EnableEnhancedMonitoring');
export const disableEnhancedMonitoring = monitoringAction('DisableEnhancedMonitoring');
