// One API request, end to end: parse (query ∪ form body), injected faults, routing, signature, action, answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRegionId } from '../../src/api/regions';
import { findAction } from './actions';
import { signatureVersionOf } from './auth';
import type { EmulatorCore } from './core';
import { ApiError, gateway, missing } from './errors';
import type { FaultSpec } from './faults';
import { sendApiError, sendJson } from './http';
import { newRequestId } from './ids';
import { Params } from './params';
import type { LoggedRequest } from './requestLog';
import { publicParams } from './requestLog';

/** 2015-11-23 everywhere; old docs told non-Hangzhou users to send 2017-06-22, so it is accepted too. */
const VERSIONS = new Set(['2015-11-23', '2017-06-22']);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What an in-process test sees of each answered request: the logged request and the JSON body sent back. */
export type AnswerTap = (entry: LoggedRequest, body: Record<string, unknown>) => void;
const answerTaps = new Set<AnswerTap>();

/** Lets an in-process test read every successful answer (the SDK contract test checks them); returns the remover. */
export function tapAnswers(tap: AnswerTap): () => void {
  answerTaps.add(tap);
  return () => answerTaps.delete(tap);
}

/** The parameters that choose a page; a `repeatPage` fault drops them, so the first page comes back again. */
const PAGING_PARAMS = ['PageNo', 'NextStart'];

function parseParams(req: IncomingMessage, url: URL, rawBody: Buffer): { query: Record<string, string>; params: Record<string, string> } {
  const query = Object.fromEntries(url.searchParams);
  const isForm = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const form = isForm && rawBody.length ? Object.fromEntries(new URLSearchParams(rawBody.toString('utf8'))) : {};
  return { query, params: { ...query, ...form } };
}

export async function handleRpc(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL, rawBody: Buffer): Promise<void> {
  const requestId = newRequestId();
  const hostId = req.headers.host ?? '127.0.0.1';
  const { query, params } = parseParams(req, url, rawBody);
  const v3 = signatureVersionOf(req.headers) === 'v3';
  const action = (v3 ? String(req.headers['x-acs-action'] ?? '') : '') || params.Action || '';
  const version = (v3 ? String(req.headers['x-acs-version'] ?? '') : '') || params.Version || '';
  const entry: LoggedRequest = {
    time: new Date().toISOString(), action, method: req.method ?? 'GET', params: publicParams(params),
    signatureVersion: v3 ? 'v3' : params.Signature ? 'v1' : 'none', accessKeyId: params.AccessKeyId, status: 0,
  };
  try {
    const { latencyMs, failure } = core.faults.take(action);
    if (latencyMs + core.latencyMs > 0) await sleep(latencyMs + core.latencyMs);
    // Like a service that ignores the paging parameter: whatever page is asked for, the first one comes back.
    const repeatPage = failure?.kind === 'repeatPage';
    if (failure && !repeatPage && failure.kind !== 'resetAfter' && failure.kind !== 'omitFields') {
      injectFailure(failure, res, requestId, hostId, entry);
      return;
    }
    if (url.pathname !== '/') throw gateway.actionNotFound();
    if (!action) throw missing('Action');
    if (!version) throw missing('Version');
    if (!VERSIONS.has(version)) throw gateway.invalidVersion();
    const spec = findAction(action);
    if (!spec) throw gateway.actionNotFound();
    const { key } = core.verifier.verify({
      method: req.method ?? 'GET', query, params, headers: req.headers, headersDistinct: req.headersDistinct, rawBody,
    }, core.now());
    entry.accessKeyId = key.accessKeyId;
    const result = spec.handler({
      account: core.accounts[key.account],
      params: new Params(repeatPage ? withoutPaging(params) : params),
      region: isRegionId(params.RegionId) ? params.RegionId : 'cn-hangzhou',
      now: core.now(),
      domainOwnedElsewhere: (name) => core.domainOwnedElsewhere(key.account, name),
    });
    if (spec.mutates) core.saver.changed();
    entry.status = 200;
    if (failure?.kind === 'resetAfter') {
      // The action was carried out; the answer is lost with the connection.
      entry.code = 'fault:resetAfter';
      res.socket?.destroy();
      return;
    }
    const answer: Record<string, unknown> = { RequestId: requestId, ...result };
    // Like a service that leaves a field out of its answer: the action is carried out, the field is missing.
    if (failure?.kind === 'omitFields') for (const field of failure.fields ?? []) delete answer[field];
    for (const tap of answerTaps) tap(entry, answer);
    sendJson(res, 200, answer, { 'x-acs-request-id': requestId });
  } catch (e) {
    const err = e instanceof ApiError ? e : gateway.internal();
    if (!(e instanceof ApiError)) console.error('emulator: unexpected error', e);
    entry.status = err.httpStatus;
    entry.code = err.code;
    sendApiError(res, err, requestId, hostId);
  } finally {
    core.log.add(entry);
  }
}

function withoutPaging(params: Record<string, string>): Record<string, string> {
  const out = { ...params };
  for (const name of PAGING_PARAMS) delete out[name];
  return out;
}

function injectFailure(fault: FaultSpec, res: ServerResponse, requestId: string, hostId: string, entry: LoggedRequest): void {
  entry.code = `fault:${fault.kind}`;
  switch (fault.kind) {
    case 'http500':
    case 'http503':
    case 'throttle': {
      const err = fault.kind === 'http500' ? gateway.internal() : fault.kind === 'http503' ? gateway.unavailable() : gateway.throttled(fault.retryAfterMs);
      // A 503 may say when to come back, in whole seconds, as HTTP does.
      if (fault.kind === 'http503' && fault.retryAfterMs) err.headers['retry-after'] = String(Math.ceil(fault.retryAfterMs / 1000));
      entry.status = err.httpStatus;
      entry.code = err.code;
      sendApiError(res, err, requestId, hostId);
      return;
    }
    case 'apiError': {
      const err = new ApiError(fault.httpStatus ?? 400, fault.code ?? 'InternalError', fault.message ?? `Injected ${fault.code ?? 'error'}.`);
      entry.status = err.httpStatus;
      entry.code = err.code;
      sendApiError(res, err, requestId, hostId);
      return;
    }
    case 'answer': {
      const answer = { RequestId: requestId, ...fault.body };
      entry.status = 200;
      for (const tap of answerTaps) tap(entry, answer);
      sendJson(res, 200, answer, { 'x-acs-request-id': requestId });
      return;
    }
    case 'reset':
      res.socket?.destroy();
      return;
    case 'truncated': {
      // Announce a full body, send half of it, then drop the connection.
      const text = JSON.stringify({ RequestId: requestId, PageNumber: 1, PageSize: 10, TotalCount: 1, data: { domain: [{ DomainName: 'example.com' }] } });
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-acs-request-id': requestId });
      res.write(text.slice(0, text.length >> 1), () => res.socket?.destroy());
      return;
    }
    case 'nonjson': {
      const html = '<html><head><title>Gateway</title></head><body><h1>Service temporarily unavailable</h1></body></html>';
      entry.status = fault.httpStatus ?? 200;
      res.writeHead(entry.status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    case 'latency':
    case 'resetAfter':
    case 'repeatPage':
    case 'omitFields':
      return; // never a failure: latency is applied before, repeatPage changes the parameters, omitFields the answer
  }
}
