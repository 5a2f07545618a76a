export { GroupDriver, type GroupIo, type PersistWork, type Scheduler } from './group-driver.js';
