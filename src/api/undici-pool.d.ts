// Types for the one undici module the client loads directly. Importing 'undici' itself would bundle fetch,
// WebSocket, caches and more (~535 KB minified); the Pool alone is about half of that.
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolClass: typeof Pool;
  export = PoolClass;
}
