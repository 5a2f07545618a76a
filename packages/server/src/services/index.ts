export type { Catalog, CatalogShard, CatalogStream, CatalogStreamStatus } from './catalog.js';
export type { ClusterAccess, ForwardedService } from './cluster-access.js';
export { InflightBudget, pressureEnterFraction, pressureLeaveFraction } from './inflight-budget.js';
export { nextTokenTtlMs } from './next-token.js';
export { pressuredWindowDivisor } from './produce-stream.js';
export { backpressureRetryAfterMs } from './put-records.js';
export { registerServices } from './register-services.js';
export { CallTracker, type ProduceWindowBounds, type ServiceContext } from './service-context.js';
export { clientError, type ErrorContext, errorDetail, serviceError } from './service-errors.js';
