export * from './eep/index.js';
