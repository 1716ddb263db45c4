// Public surface of the Direct Mail client (pure Node; never imports vscode).
export * from './signing';
export * from './types';
export * from './regions';
export * from './errors';
export * from './validation';
export * from './paging';
export { DirectMailClient, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_RETRIES } from './client';
export type { ClientExtraOptions } from './client';
export { API_VERSION } from './request';
