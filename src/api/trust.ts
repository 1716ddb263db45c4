// Which certificates the client trusts, and what it says when a server's certificate is refused.
// Node verifies against its bundled roots only; VS Code also trusts the operating system's store and
// NODE_EXTRA_CA_CERTS. Passing `ca` replaces Node's defaults, so the whole set is assembled here, once per process
// for each distinct configuration (parsing a few hundred roots costs milliseconds, not something to do per socket).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { english, type Translate } from '../shared/translate';

export interface TrustOptions {
  /** Also trust the operating system's certificates (VS Code's `http.systemCertificates`). Default true. */
  systemCertificates?: boolean;
  /** Extra trusted CA certificates, PEM text (e.g. the file of `directMail.caCertificates`). */
  extraCaPems?: readonly string[];
  /** PEM files of extra trusted CAs (e.g. `directMail.caCertificates`), read when the client first connects. */
  caFiles?: readonly string[];
  /** Path of NODE_EXTRA_CA_CERTS. Default: the environment variable. Node reads it only at process start. */
  nodeExtraCaCertsFile?: string;
}

// Where Linux distributions keep the system bundle (the list Go and curl search).
const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/ssl/cert.pem',
];

type GetCaCertificates = (type: 'system') => string[];

let system: string[] | undefined;

/**
 * The operating system's trusted certificates, read once per process: Node's own reader where it has one (Node
 * 22.15+), else what VS Code reads — the macOS keychains through `security`, the Linux bundle file. (Windows needs
 * Node's reader; without it only Node's roots, NODE_EXTRA_CA_CERTS and directMail.caCertificates apply.)
 */
function systemCertificates(): string[] {
  if (system) return system;
  const reader = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates;
  if (reader) {
    try {
      return (system = reader('system'));
    } catch {
      // fall through to the platform's own store
    }
  }
  if (process.platform === 'darwin') {
    try {
      return (system = [execFileSync('/usr/bin/security', ['find-certificate', '-a', '-p'], { encoding: 'utf8', timeout: 5_000, maxBuffer: 64 * 1024 * 1024 })]);
    } catch {
      return (system = []);
    }
  }
  for (const file of LINUX_BUNDLES) {
    try {
      return (system = [readFileSync(file, 'utf8')]);
    } catch {
      // next candidate
    }
  }
  return (system = []);
}

function readPemFile(file: string, t: Translate): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(t('The CA certificate file {0} cannot be read ({1}).', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

let cached: { key: string; context: tls.SecureContext } | undefined;

const certificateBody = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');
let nodeRoots: Set<string> | undefined;

/** The certificate blocks of a PEM text (text around them, such as a bundle's comments, is left out). */
const certificateBlocks = (text: string): string[] =>
  text.split(/(?=-----BEGIN CERTIFICATE-----)/).filter((pem) => pem.includes('-----BEGIN CERTIFICATE-----'));

/** The certificates of PEM texts that Node's bundled roots do not already hold (a system bundle repeats most). */
function beyondNodeRoots(pems: readonly string[]): string[] {
  nodeRoots ??= new Set(tls.rootCertificates.map(certificateBody));
  return pems.flatMap(certificateBlocks).filter((pem) => !nodeRoots!.has(certificateBody(pem)));
}

/**
 * One secure context holding Node's roots, the system's (unless turned off), NODE_EXTRA_CA_CERTS and the extra
 * PEMs. Throws with a readable message when a configured file cannot be read or holds no certificate.
 * Node's default context shares its parsed roots; only the certificates beyond them are parsed and added (as VS Code
 * does), which keeps the first request from spending a few hundred milliseconds re-reading every root.
 */
export function trustedContext(options: TrustOptions = {}, t: Translate = english): tls.SecureContext {
  const extraFile = options.nodeExtraCaCertsFile ?? process.env.NODE_EXTRA_CA_CERTS ?? '';
  const files = [...(extraFile ? [extraFile] : []), ...(options.caFiles ?? [])];
  const extras = [...files.map((file) => readPemFile(file, t)), ...(options.extraCaPems ?? [])];
  const withSystem = options.systemCertificates !== false;
  const key = createHash('sha256').update(JSON.stringify([withSystem, extras])).digest('hex');
  if (cached?.key === key) return cached.context;
  for (const pem of extras) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(t('A configured CA certificate file holds no PEM certificate ("-----BEGIN CERTIFICATE-----").'));
    // OpenSSL's store skips a broken certificate without a word, and the server's would then look untrusted: each
    // configured one is parsed first, so a damaged copy-paste is named as such.
    for (const block of certificateBlocks(pem)) {
      try {
        new X509Certificate(block);
      } catch (e) {
        throw new Error(t('A configured CA certificate cannot be read ({0}); copy the whole PEM block again.', (e as Error).message));
      }
    }
  }
  const context = tls.createSecureContext();
  const store = (context as unknown as { context: { addCACert(pem: string): void } }).context;
  for (const pem of beyondNodeRoots([...(withSystem ? systemCertificates() : []), ...extras])) store.addCACert(pem);
  cached = { key, context };
  return context;
}

/** A server certificate the client refused; nothing was sent over that connection. */
export class CertificateRefusedError extends Error {
  readonly code = 'DM_CERTIFICATE_REFUSED';
  constructor(
    /** OpenSSL's reason, e.g. SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID. */
    readonly reason: string,
    readonly host: string,
    readonly subject?: string,
    readonly issuer?: string,
    readonly validTo?: string,
  ) {
    super(`certificate of ${host} refused: ${reason}`);
  }
}

const nameOf = (n: tls.Certificate | undefined): string | undefined => {
  if (!n) return undefined;
  const parts = [n.CN && `CN=${n.CN}`, n.O && `O=${n.O}`].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
};

/** Reads why a TLS socket is not authorized, and which certificate it was, before the socket is dropped. */
export function refusal(socket: tls.TLSSocket, host: string): CertificateRefusedError {
  const reason = String(socket.authorizationError ?? 'UNKNOWN_CERTIFICATE_ERROR');
  let cert: tls.PeerCertificate | undefined;
  try {
    cert = socket.getPeerCertificate();
  } catch {
    cert = undefined;
  }
  const has = cert && Object.keys(cert).length > 0;
  return new CertificateRefusedError(reason, host, has ? nameOf(cert!.subject) : undefined, has ? nameOf(cert!.issuer) : undefined, has ? cert!.valid_to : undefined);
}

// OpenSSL verification codes that mean "not trusted here" (as opposed to broken or out of date).
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED', 'CERT_CHAIN_TOO_LONG',
]);

/** Error codes Node uses for certificate failures (when it, not this client, refused the certificate). */
export const isCertificateCode = (code: string | undefined): boolean =>
  !!code && (UNTRUSTED.has(code) || code.startsWith('CERT_') || code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH');

/**
 * What went wrong and what to do, in one sentence or two, in the words of `t`; names the certificate when known
 * (subject and issuer are a noun phrase after the host).
 */
export function describeRefusal(e: CertificateRefusedError, t: Translate = english): string {
  const which = !e.subject ? '' : e.issuer && e.issuer !== e.subject ? t(' (subject {0}, issued by {1})', e.subject, e.issuer) : t(' (subject {0})', e.subject);
  switch (true) {
    case UNTRUSTED.has(e.reason):
      return t('The certificate of {0}{1} is not issued by a trusted authority ({2}). If a company proxy or firewall inspects HTTPS, ask for its root certificate and set "directMail.caCertificates" to that PEM file (or NODE_EXTRA_CA_CERTS for all of Node).', e.host, which, e.reason);
    case e.reason === 'CERT_HAS_EXPIRED':
      return e.validTo
        ? t('The certificate of {0}{1} expired on {2} ({3}). Check this computer\'s date; if it is right, the server or a proxy in between presents an old certificate.', e.host, which, e.validTo, e.reason)
        : t('The certificate of {0}{1} expired ({2}). Check this computer\'s date; if it is right, the server or a proxy in between presents an old certificate.', e.host, which, e.reason);
    case e.reason === 'CERT_NOT_YET_VALID':
      return t('The certificate of {0}{1} is not valid yet ({2}). Check this computer\'s date and time.', e.host, which, e.reason);
    case e.reason === 'ERR_TLS_CERT_ALTNAME_INVALID' || e.reason === 'HOSTNAME_MISMATCH':
      return t('The certificate presented for {0}{1} is for another host name ({2}). Check the endpoint setting; a proxy in between may present its own certificate (then set "directMail.caCertificates").', e.host, which, e.reason);
    default:
      return t('The certificate of {0}{1} was refused ({2}). If a company proxy inspects HTTPS, set "directMail.caCertificates" to its root certificate (PEM).', e.host, which, e.reason);
  }
}
