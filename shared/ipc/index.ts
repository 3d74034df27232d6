export * from './contract';
export * from './errors';
export * from './models';
export * from './api';
