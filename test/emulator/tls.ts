// A certificate authority and a server certificate for 127.0.0.1/localhost, made at start with the openssl command
// (Debian's openssl package): the emulator's --tls mode, for tests of certificate trust. Nothing is downloaded, and
// the keys live in a temporary folder removed on close.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmulatorCertificates {
  /** PEM of the CA that issued the server certificate: what a client must trust. */
  caPem: string;
  /** The same CA as a file (for NODE_EXTRA_CA_CERTS or directMail.caCertificates). */
  caFile: string;
  keyPem: string;
  certPem: string;
  /** Subject common name of the CA, for tests that check the certificate is named. */
  caName: string;
  dispose(): void;
}

export const EMULATOR_CA_NAME = 'Direct Mail Emulator Test CA';

/** `serverNames`: the server certificate's subjectAltName entries (default `IP:127.0.0.1,DNS:localhost`). */
export function generateCertificates(serverNames = 'IP:127.0.0.1,DNS:localhost'): EmulatorCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'dm-emulator-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      const detail = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
      throw new Error(`The emulator's TLS mode needs the openssl command (Debian: apt-get install openssl): ${detail}`);
    }
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3', '-subj', `/CN=${EMULATOR_CA_NAME}/O=Direct Mail emulator`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1/O=Direct Mail emulator');
  writeFileSync(file('server.ext'), `subjectAltName=${serverNames}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext');
  return {
    caPem: readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    keyPem: readFileSync(file('server.key'), 'utf8'),
    certPem: readFileSync(file('server.pem'), 'utf8'),
    caName: EMULATOR_CA_NAME,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
