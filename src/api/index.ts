// Public surface of the Direct Mail client (pure Node; never imports vscode).
export * from './signing';
export * from './types';
export * from './regions';
