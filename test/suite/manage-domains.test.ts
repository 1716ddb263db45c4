// Changing and deleting domains through the commands, against the emulator's demo account: what the emulator
// received (GET /__emulator/requests), its state afterwards and what the tree shows, including the refusals — a bad
// value is refused before any request, an unknown ID or a refused change shows the service's answer with what to do
// (the command resolves undefined and logs a line).
import * as assert from 'node:assert/strict';
import type { RecordKind } from '../emulator/dns';
import { answering } from './scriptedPrompts';
import { admin, type Api, commandRequests, emulatorState, group, run, useDemoState } from './treeHelpers';

/** The extension's name for the tracking CNAME record, which the emulator calls cname. */
const RECORD_KIND: Record<string, string> = { cname: 'tracking' };

describe('Manage domains', () => {
  let a: Api;
  const { demo, newLog, failure } = useDemoState((api) => (a = api));
  const sent = commandRequests;
  const actions = async (): Promise<string[]> => (await commandRequests()).map((r) => r.action);
  const domainId = (name: string): string => String(demo().domains.find((d) => d.name === name)!.id);
  const passwordSet = async (name: string): Promise<boolean> => (await emulatorState()).demo.domains.find((d) => d.name === name)!.passwordSet;

  describe('domains', () => {
    it('refuses to delete a domain that still has sender addresses, naming them, before asking or deleting', async () => {
      const { result } = await answering(a, [], () => run('deleteDomain', { domainId: domainId('example.com') }));
      assert.equal(result, undefined);
      const line = failure('deleteDomain');
      assert.match(line, /example\.com still has sender addresses \(.*noreply@example\.com.*\)/);
      assert.match(line, /news@example\.com/);
      assert.match(line, /delete those addresses first/);
      assert.ok(!(await actions()).includes('DeleteDomain'), 'DeleteDomain was sent');
      assert.ok((await emulatorState()).demo.domains.some((d) => d.name === 'example.com'));
    });

    it('deletes a domain without sender addresses; the tree no longer lists it', async () => {
      const id = domainId('mail.example.org');
      const { result, asked } = await answering(a, ['mail.example.org'], () => run('deleteDomain', { domainId: id }));
      assert.equal(result, id);
      assert.match(asked[0].text, /Type "mail\.example\.org" to confirm/);
      const deletes = (await sent()).filter((r) => r.action === 'DeleteDomain');
      assert.deepEqual(deletes.map((r) => [r.params.DomainId, r.status]), [[id, 200]]);
      assert.ok(!(await emulatorState()).demo.domains.some((d) => d.name === 'mail.example.org'));
      const { items } = await group(a, 'Domains');
      assert.deepEqual(items.map((d) => d.label).sort(), ['example.com', 'news.example.net']);
    });

    it('shows the service error for an unknown domain ID and deletes nothing', async () => {
      assert.equal((await answering(a, [], () => run('deleteDomain', { domainId: '987654' }))).result, undefined);
      assert.match(failure('deleteDomain'), /InvalidDomainId\.NotFound/);
      const log = await sent();
      assert.deepEqual(log.map((r) => [r.action, r.status]), [['DescDomain', 404]]);
      assert.equal((await emulatorState()).demo.domains.length, demo().domains.length);
    });

    it('refuses a weak domain SMTP password before any request', async () => {
      for (const password of ['Short1A', 'abcdefgh1234', 'ABcd12ef!!gh', 'AAbb1111cc']) {
        await admin('DELETE', 'requests');
        // Typed, refused by the box's own check (it stays open), then Escape.
        const { result, asked } = await answering(a, [password, undefined], () => run('setDomainPassword', { domainId: domainId('example.com') }));
        assert.equal(result, undefined, password);
        assert.deepEqual(await sent(), [], `a request was sent for ${password}`);
        assert.match(asked[0].validation ?? '', /The SMTP password/, password);
      }
      assert.equal(await passwordSet('example.com'), false);
    });

    it('sets the domain SMTP password, then refuses the same one again with what to do', async () => {
      const id = domainId('example.com');
      assert.equal((await answering(a, ['Mail2025Pass', 'Mail2025Pass'], () => run('setDomainPassword', { domainId: id }))).result, id);
      const changes = (await sent()).filter((r) => r.action === 'ModifyPWByDomain');
      assert.deepEqual(changes.map((r) => [r.params.DomainName, r.status]), [['example.com', 200]]);
      assert.equal(changes[0].params.Password, '(hidden)', 'the password was sent, and the emulator log never holds it');
      assert.equal(await passwordSet('example.com'), true);
      assert.ok(!a.logLines().some((l) => l.includes('Mail2025Pass')), 'the password reached the log');

      // Refused by the service: the box opens again with the answer under it; Escape gives up.
      const again = await answering(a, ['Mail2025Pass', 'Mail2025Pass', undefined], () => run('setDomainPassword', { domainId: id }));
      assert.equal(again.result, undefined);
      assert.match(failure('setDomainPassword'), /already the SMTP password of example\.com; choose a different one.*InvalidDomainPassword\.equalcurrent/);
    });

    it('explains that an unverified domain gets no SMTP password yet', async () => {
      const domain = demo().domains.find((d) => d.name === 'mail.example.org')!;
      assert.notEqual(domain.status, 0, 'the seed changed: mail.example.org should be unverified');
      assert.equal((await answering(a, ['Mail2025Pass', 'Mail2025Pass', undefined], () => run('setDomainPassword', { domainId: String(domain.id) }))).result, undefined);
      assert.match(failure('setDomainPassword'), /is not verified yet.*run "Verify Domain", then set the password.*InvalidDomainStatus\.Malformed/);
      assert.deepEqual((await sent()).map((r) => [r.action, r.status]), [['DescDomain', 200], ['ModifyPWByDomain', 400]]);
    });

    it('verifies a domain whose records were published and the tree shows it verified', async () => {
      await admin('POST', 'publish', { domainName: 'mail.example.org' });
      await admin('DELETE', 'requests');
      const id = domainId('mail.example.org');
      const result = (await run('verifyDomain', { domainId: id })) as { domainName: string; domainStatus: number; records: { kind: string; state: string }[] };
      assert.equal(result.domainName, 'mail.example.org');
      const after = (await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')!;
      assert.equal(result.domainStatus, after.status);
      assert.deepEqual(result.records.map((r) => `${r.kind} ${r.state}`).sort(), Object.entries(after.records).map(([kind, r]) => `${RECORD_KIND[kind] ?? kind} ${r.verified ? 'pass' : 'fail'}`).sort());
      assert.deepEqual((await sent()).slice(0, 2).map((r) => [r.action, r.params.DomainId]), [['CheckDomain', id], ['DescDomain', id]]);
      const { items } = await group(a, 'Domains');
      assert.equal(items.find((d) => d.label === 'mail.example.org')!.contextValue, 'domain.verified');
    });

    it('explains each record that is still missing when verification fails', async () => {
      const id = domainId('news.example.net');
      const result = (await run('verifyDomain', { domainId: id })) as { domainStatus: number; records: { kind: string; state: string; explanation: string }[] };
      const after = (await emulatorState()).demo.domains.find((d) => d.name === 'news.example.net')!;
      assert.equal(result.domainStatus, after.status);
      const failing = (Object.keys(after.records) as RecordKind[]).filter((kind) => !after.records[kind].verified);
      assert.ok(failing.length > 0);
      const lines = newLog();
      for (const kind of failing) {
        const rec = after.dns[kind];
        assert.ok(lines.some((l) => l.includes(`${rec.type} ${rec.host}: fail — `)), `no explained line for ${kind} in ${lines.join(' | ')}`);
      }
    });

    it('shows the service error when verifying an unknown domain ID', async () => {
      assert.equal(await run('verifyDomain', { domainId: '987654' }), undefined);
      assert.match(failure('verifyDomain'), /InvalidDomainId\.Malformed/);
    });
  });
});
