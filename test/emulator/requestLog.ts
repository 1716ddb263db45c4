// The recent requests, for tests that check what a client really sent. Signatures, tokens and secrets never
// enter it: only the parameters that are not credentials.
export interface LoggedRequest {
  time: string;
  action: string;
  method: string;
  params: Record<string, string>;
  signatureVersion: 'v1' | 'v3' | 'none';
  accessKeyId?: string;
  status: number;
  code?: string;
}

const SECRET_PARAMS = new Set(['Signature', 'SecurityToken', 'Authorization', 'AccessKeySecret']);
/** Business parameters whose value is secret: the log shows that they were sent, never what they held. */
const HIDDEN_VALUE_PARAMS = new Set(['Password']);
export const REQUEST_LOG_SIZE = 200;

export function publicParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    if (HIDDEN_VALUE_PARAMS.has(name)) out[name] = '(hidden)';
    else if (!SECRET_PARAMS.has(name)) out[name] = params[name];
  }
  return out;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > REQUEST_LOG_SIZE * 2) this.entries = this.entries.slice(-REQUEST_LOG_SIZE);
  }

  recent(): LoggedRequest[] {
    return this.entries.slice(-REQUEST_LOG_SIZE);
  }

  clear(): void {
    this.entries = [];
  }
}
