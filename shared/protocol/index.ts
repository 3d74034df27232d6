export * from './frameTypes';
export * from './envelope';
export * from './codec';
export * from './appTypes';
export * from './conversation';
export * from './http';
export * from './loginCodes';
