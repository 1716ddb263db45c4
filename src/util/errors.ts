// What a failure says to the user: the client's readable message, plus Code and RequestId when the service sent them.
export interface ErrorDetails {
  message: string;
  code?: string;
  requestId?: string;
}

export function errorDetails(error: unknown): ErrorDetails {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, requestId } = error as { code?: unknown; requestId?: unknown };
  return {
    message: error.message,
    code: typeof code === 'string' && code ? code : undefined,
    requestId: typeof requestId === 'string' && requestId ? requestId : undefined,
  };
}

/** `message (Code: X, RequestId: Y)` for logs and notifications. */
export function describeError(details: ErrorDetails): string {
  const extra = [details.code && !details.message.includes(details.code) ? `Code: ${details.code}` : '', details.requestId ? `RequestId: ${details.requestId}` : '']
    .filter(Boolean)
    .join(', ');
  return extra ? `${details.message} (${extra})` : details.message;
}

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
