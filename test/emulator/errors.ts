// Error answers exactly as the Alibaba Cloud gateway and Direct Mail produce them (reference §7, signing §3).
import { percentEncode } from '../../src/api/signing';

/** Thrown by any layer of the emulator; turned into the JSON error body with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. x-acs-retry-after on throttling. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(err: ApiError, requestId: string, hostId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${percentEncode(err.code)}&product=Dm&requestId=${requestId}`,
  };
}

/** A required parameter is absent: the gateway answers `Missing<Name>`. */
export const missing = (name: string): ApiError => new ApiError(400, `Missing${name}`, `${name} is mandatory for this action.`);

export const invalidParameter = (name: string, why?: string): ApiError =>
  new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.${why ? ' ' + why : ''}`);

export const notFound = (code: string, message: string): ApiError => new ApiError(404, code, message);
export const badRequest = (code: string, message: string): ApiError => new ApiError(400, code, message);

// Gateway-level errors with their fixed messages.
export const gateway = {
  invalidVersion: () => badRequest('InvalidVersion', 'Specified parameter Version is not valid.'),
  actionNotFound: () => notFound('InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'),
  keyNotFound: () => notFound('InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  timestampExpired: () => badRequest('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  timestampFormat: () => badRequest('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  nonceUsed: () => badRequest('SignatureNonceUsed', 'Specified signature nonce was used already.'),
  incompleteSignature: (detail: string) =>
    badRequest('IncompleteSignature', `The request signature does not conform to Aliyun standards. ${detail}`),
  signatureMethod: () => badRequest('InvalidSignatureMethod', 'Specified signature method is not valid.'),
  v1Mismatch: (stringToSign: string) =>
    badRequest('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`),
  v3Mismatch: (stringToSign: string, canonicalRequest: string) =>
    badRequest('SignatureDoesNotMatch',
      `Specified signature does not match our calculation. server StringToSign is [${stringToSign}] server CanonicalRequest is [${canonicalRequest}]`),
  bodyHashMismatch: () =>
    badRequest('SignatureDoesNotMatch', 'Specified signature does not match our calculation. The x-acs-content-sha256 header is not the SHA-256 of the request body.'),
  missingToken: () => badRequest('MissingSecurityToken', 'SecurityToken is mandatory for this action.'),
  tokenMalformed: () => badRequest('InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.'),
  tokenMismatch: () => badRequest('InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.'),
  throttled: (retryAfterMs?: number) => new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.',
    retryAfterMs ? { 'x-acs-retry-after': String(retryAfterMs) } : {}),
  internal: () => new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.'),
  unavailable: () => new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'),
};
