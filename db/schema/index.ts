export * from './auth';
export * from './community';
export * from './device';
export * from './incident';
export * from './alarm';
export * from './patrol';
export * from './work-order';
export * from './retrofit';
