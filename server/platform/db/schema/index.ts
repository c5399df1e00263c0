/** Every table of the platform; modules with tables of their own add their schema file here. */
export * from './audit.ts';
export * from './events.ts';
export * from './identity.ts';
export * from './operation.ts';
