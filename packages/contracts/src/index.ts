export * from './accounts.js';
export * from './assets.js';
export * from './errors.js';
export * from './ids.js';
export * from './mail.js';
export * from './organizations.js';
export * from './registration.js';
export * from './system.js';
