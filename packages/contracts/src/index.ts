export * from './accounts.js';
export * from './errors.js';
export * from './ids.js';
export * from './mail.js';
export * from './system.js';
