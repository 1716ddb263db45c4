// Public surface of the Direct Mail client (pure Node; never imports vscode).
export * from './signing';
export * from './types';
export * from './regions';
export * from './errors';
export * from './validation';
export * from './paging';
export { DirectMailClient } from './client';
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_RETRIES } from './rpcCaller';
export type { ClientExtraOptions } from './client';
export { API_VERSION } from './signedRequest';
