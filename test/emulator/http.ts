// Small node:http helpers: reading a body, answering JSON the way the gateway does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from './errors';
import { errorBody } from './errors';

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendApiError(res: ServerResponse, err: ApiError, requestId: string, hostId: string): void {
  sendJson(res, err.httpStatus, errorBody(err, requestId, hostId), { 'x-acs-request-id': requestId, ...err.headers });
}

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
