// The one error type of the Direct Mail client, with messages a person can act on.
// A message never contains a secret: service messages are not echoed for signature errors (they embed the
// string to sign, which can carry the STS token), and every echoed text goes through redact().
import { english, type Translate } from '../shared/translate';
import { redact } from './redaction';

export { redact };

/** Codes the client itself produces (the service's codes pass through unchanged). */
export type ClientErrorCode =
  | 'InvalidInput' | 'InvalidResponse' | 'RequestTimeout' | 'ConnectTimeout' | 'NetworkError' | 'RequestAborted' | 'HttpError'
  /** The server's certificate is not trusted (or expired, or for another host); nothing was sent. */
  | 'CertificateRefused'
  /** The proxy answered the tunnel request with an error (407, 403, 502…); nothing was sent. */
  | 'ProxyRefused'
  /** The proxy could not be reached; nothing was sent. */
  | 'ProxyUnreachable'
  /** The proxy or certificate settings cannot be used (not a URL, unreadable file); nothing was sent. */
  | 'NetworkSettings';

/**
 * How far a failed request got. `notSent`: it never left this machine (safe to send again); `unknown`: it may
 * have reached the service and a write may or may not have been applied; `answered`: the service answered.
 */
export type Delivery = 'notSent' | 'unknown' | 'answered';

export interface DirectMailErrorInit {
  action: string;
  /** Defaults to `answered` when an HTTP status is known, else `notSent` (client-side refusals). */
  delivery?: Delivery;
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
  recommend?: string;
  retryable?: boolean;
  cause?: unknown;
}

export class DirectMailError extends Error {
  override readonly name = 'DirectMailError';
  readonly action: string;
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly recommend?: string;
  /** True when trying again later may succeed (throttling, server or network trouble). */
  readonly retryable: boolean;
  readonly delivery: Delivery;

  constructor(init: DirectMailErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.action = init.action;
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.recommend = init.recommend;
    this.retryable = init.retryable ?? false;
    this.delivery = init.delivery ?? (init.httpStatus !== undefined ? 'answered' : 'notSent');
  }
}

export const isDirectMailError = (e: unknown): e is DirectMailError => e instanceof DirectMailError;

export const isThrottlingCode = (code: string | undefined): boolean => !!code && code.startsWith('Throttling');


/** Human explanations of the gateway/auth codes; the service's own wording is too terse or leaks the string to sign. */
function explainGatewayCode(code: string, action: string, t: Translate): string | undefined {
  switch (code) {
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
      return t('Direct Mail rejected the request signature: the AccessKey secret does not belong to this AccessKey ID. Check the AccessKey secret (copy it again from the RAM console).');
    case 'InvalidAccessKeyId.NotFound':
    case 'InvalidAccessKeyId':
      return t('The AccessKey ID does not exist (it may have been deleted). Check the AccessKey ID, or create a new AccessKey in the RAM console.');
    case 'InvalidAccessKeyId.Inactive':
    case 'Forbidden.AccessKeyDisabled':
      return t('This AccessKey is disabled. Enable it in the RAM console or use another AccessKey.');
    case 'InvalidTimeStamp.Expired':
      return t("Direct Mail refused the request time: this computer's clock differs from the server's by more than 15 minutes. Check the system clock and time zone, then retry.");
    case 'InvalidTimeStamp.Format':
      return t('Direct Mail could not read the request time. Check the system clock, then retry.');
    case 'SignatureNonceUsed':
      return t('Direct Mail saw this request twice (replayed nonce). Retry the operation.');
    case 'MissingSecurityToken':
      return t('This AccessKey is a temporary (STS) key and needs its security token. Add the STS token to the profile.');
    case 'InvalidSecurityToken.Expired':
      return t('The STS security token has expired. Get a new temporary AccessKey and token, and update the profile.');
    case 'InvalidSecurityToken.Malformed':
    case 'InvalidSecurityToken.MismatchWithAccessKey':
      return t('The STS security token is not valid for this AccessKey ID. Copy the AccessKey ID, secret and token from the same STS response.');
    case 'Forbidden.RAM':
    case 'NoPermission':
    case 'Forbidden':
      return t('The RAM user of this AccessKey is not allowed to call {0}. Grant it the AliyunDirectMailFullAccess policy in the RAM console (or AliyunDirectMailReadOnlyAccess for read-only use).', action);
    case 'InvalidAction.NotFound':
    case 'InvalidApi.NotFound':
      return t('The endpoint does not know the action {0}. Check that the endpoint is a Direct Mail endpoint.', action);
    case 'InvalidProtocol.NeedSsl':
      return t('{0} requires HTTPS. Use an https:// endpoint.', action);
    case 'InternalError':
    case 'ServiceUnavailable':
      return t('Direct Mail had a temporary server problem while handling {0}. Try again in a moment.', action);
    case 'InvalidIP.NotFound':
      return t("IP protection is on for this Direct Mail account and this computer's IP address is not in its allow list. Add it in the Direct Mail console.");
    default:
      if (isThrottlingCode(code)) return t('Direct Mail is limiting the request rate ({0}). Wait a moment, then retry.', code);
      return undefined;
  }
}

export interface ServiceErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  recommend?: string;
}

/**
 * Builds the error for a service answer (HTTP error, or a 200 body carrying a failure code). The service's own text
 * stays as it came, behind the action's name ("CreateTag failed: …"), a lead the extension takes off before showing it.
 */
export function serviceError(action: string, httpStatus: number, body: ServiceErrorBody, secrets: readonly (string | undefined)[], t: Translate = english): DirectMailError {
  const code = body.code || (httpStatus >= 500 ? (httpStatus === 503 ? 'ServiceUnavailable' : 'InternalError') : 'HttpError');
  const serviceText = body.message ? redact(body.message, secrets).trim() : '';
  let message = explainGatewayCode(code, action, t);
  if (!message) {
    message = serviceText
      ? `${action} failed: ${serviceText.replace(/\.?$/, '.')}`
      : t('{0} failed with HTTP status {1} and no explanation from the server.', action, httpStatus);
  }
  const retryable = isThrottlingCode(code) || httpStatus === 429 || httpStatus >= 500;
  return new DirectMailError({ action, code, message, requestId: body.requestId, httpStatus, recommend: body.recommend, retryable });
}

export function invalidInput(action: string, message: string): DirectMailError {
  return new DirectMailError({ action, code: 'InvalidInput', message, retryable: false });
}

/** An answer that could not be read, with the message already worded. */
export function unreadableAnswer(action: string, message: string, httpStatus?: number, requestId?: string): DirectMailError {
  return new DirectMailError({ action, code: 'InvalidResponse', httpStatus, requestId, retryable: false, message });
}

/** An answer that does not match its schema; `detail` names the wire field (responses.ts). */
export function invalidResponse(action: string, detail: string, httpStatus?: number, requestId?: string): DirectMailError {
  return unreadableAnswer(action, `Direct Mail sent an unexpected response to ${action}: ${detail}. Try again; if it persists, check the endpoint setting.`, httpStatus, requestId);
}

/**
 * A write that failed after it may have reached the service: it may or may not have been carried out, and it is
 * never sent again automatically.
 */
export function outcomeUnknown(action: string, code: string, why: string, cause?: unknown, httpStatus?: number, t: Translate = english): DirectMailError {
  // What to check so that it is not made twice: a mail may go out twice, a change shows in the view. `why` is a
  // whole sentence of its own.
  const message = action === 'SingleSendMail' || action === 'CheckReplyToMailAddress'
    ? t('{0} The outcome is unknown: Direct Mail may or may not have carried out {1}. Check whether the mail arrived (or the send statistics) before sending again, or it may go out twice.', why, action)
    : t('{0} The outcome is unknown: Direct Mail may or may not have carried out {1}. Refresh the view to see whether the change was made before trying again.', why, action);
  return new DirectMailError({ action, code, delivery: 'unknown', retryable: true, cause, httpStatus, message });
}
