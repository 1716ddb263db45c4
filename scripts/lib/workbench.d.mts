// Types of workbench.mjs for the TypeScript e2e harness.
import type { Browser, Page } from 'playwright-core';

export const DEMO_ACCESS_KEY_ID: string;
export const DEMO_ACCESS_KEY_SECRET: string;
export const repoRoot: string;
export function buildExtension(options?: { production?: boolean }): void;
export function remoteUri(host: string, absolutePath: string): string;
export function stopAllAsync(): Promise<void>;
export function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;

export interface WorkbenchOptions {
  seed?: string;
  env?: (emulatorUrl: string) => Record<string, string>;
  settings?: Record<string, unknown>;
  payload?: (host: string) => Record<string, string>;
  beforeNavigate?: (page: Page) => Promise<void>;
  waitForWorkbench?: boolean;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  emulatorUrl: string;
  server: { url: string; host: string; port: number; workspace: string; userDataDir: string };
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

export function startWorkbench(options?: WorkbenchOptions): Promise<Workbench>;
