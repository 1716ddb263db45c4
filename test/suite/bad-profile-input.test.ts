// Bad values for a new AccessKey profile (name, AccessKey ID, secret, STS token, region): each is refused before any
// request reaches the emulator, nothing is saved, and the failure says what is wrong. The same checks stop the input
// boxes a person types into (driven here through the prompts seam).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import { admin, api, DEMO_KEY, removeAllProfiles, requests, resetEmulator, type Api } from './treeHelpers';

const KEY = { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret };

const CASES: [string, Record<string, unknown>, RegExp][] = [
  ['empty name', { name: '', ...KEY }, /Enter a profile name/],
  ['name of spaces', { name: '   ', ...KEY }, /Enter a profile name/],
  ['name with a slash', { name: 'bad/name', ...KEY }, /remove "\/"/],
  ['name with a leading space', { name: ' work', ...KEY }, /must not start or end with a space/],
  ['name of 65 characters', { name: 'x'.repeat(65), ...KEY }, /at most 64 characters \(now 65\)/],
  ['name with a line break', { name: 'work\nprod', ...KEY }, /remove a line break \(U\+000A\)/],
  ['name with a right-to-left override', { name: 'work\u202eprod', ...KEY }, /right-to-left override \(U\+202E\), an invisible character/],
  ['name with a zero-width space', { name: 'prod\u200b', ...KEY }, /zero-width space \(U\+200B\)/],
  ['name with a left-to-right isolate', { name: '\u2066admin', ...KEY }, /left-to-right isolate \(U\+2066\)/],
  ['name with a word joiner', { name: 'ad\u2060min', ...KEY }, /word joiner \(U\+2060\)/],
  ['name with a non-Latin letter', { name: 'prodé', ...KEY }, /remove "é"/],
  ['reserved name', { name: 'environment', ...KEY }, /reserved for the credentials from environment variables/],
  ['AccessKey ID with a space', { name: 'ok', accessKeyId: 'has space', accessKeySecret: KEY.accessKeySecret }, /may contain only letters and digits.*remove a space/],
  ['AccessKey ID with a trailing line break', { name: 'ok', accessKeyId: `${KEY.accessKeyId}\n`, accessKeySecret: KEY.accessKeySecret }, /leading or trailing space/],
  ['AccessKey ID too short', { name: 'ok', accessKeyId: 'Key5tx', accessKeySecret: KEY.accessKeySecret }, /12 to 64 characters \(this one has 6\)/],
  ['AccessKey ID with a zero-width space', { name: 'ok', accessKeyId: `${KEY.accessKeyId}\u200b`, accessKeySecret: KEY.accessKeySecret }, /remove a zero-width space \(U\+200B\)/],
  ['AccessKey ID with a hyphen', { name: 'ok', accessKeyId: 'Key-abc-def-ghi', accessKeySecret: KEY.accessKeySecret }, /remove "-"/],
  ['empty secret', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: '' }, /Enter the AccessKey secret/],
  ['short secret', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: 'short' }, /16 to 100 characters \(this one has 5\)/],
  ['secret with a line break', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: `${KEY.accessKeySecret}\r\n` }, /contains a space or line break/],
  ['secret with a zero-width space', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: `${KEY.accessKeySecret}\u200b` }, /contains the character U\+200B/],
  ['secret with a typographic quote', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: `\u201c${KEY.accessKeySecret}\u201d` }, /contains the character U\+201C/],
  ['secret of 101 characters', { name: 'ok', accessKeyId: KEY.accessKeyId, accessKeySecret: 'x'.repeat(101) }, /16 to 100 characters \(this one has 101\)/],
  ['STS token with a space', { name: 'ok', ...KEY, securityToken: 'CAIS abc' }, /STS token contains a space or line break/],
  ['STS token with a bidi override', { name: 'ok', ...KEY, securityToken: 'CAIS\u202eabc' }, /STS token contains the character U\+202E/],
  ['unknown region', { name: 'ok', ...KEY, region: 'mars-1' }, /Unknown region "mars-1"/],
  ['region in capitals', { name: 'ok', ...KEY, region: 'CN-HANGZHOU' }, /Unknown region "CN-HANGZHOU"/],
];

describe('Bad profile input', () => {
  let a: Api;
  before(async () => {
    a = await api();
    await resetEmulator();
    await removeAllProfiles(a);
  });
  beforeEach(() => admin('DELETE', 'requests'));

  it(`refuses ${CASES.length} bad profile values before any request, saying what is wrong`, async () => {
    for (const [label, arg, fragment] of CASES) {
      const from = a.logLines().length;
      const result = await vscode.commands.executeCommand('directMail.addProfile', arg);
      assert.equal(result, undefined, label);
      const logged = a.logLines().slice(from).join('\n');
      assert.match(logged, fragment, `${label}: ${logged}`);
      assert.deepEqual(await requests(), [], `${label}: a request reached the emulator`);
      assert.deepEqual(a.profiles.stored(), [], `${label}: a profile was saved`);
    }
  });

  it('the input boxes refuse the same values as they are typed (name, ID, secret, token)', async () => {
    const { result, asked } = await answering(a, [
      'work\u202eprod', 'work',
      `${KEY.accessKeyId}\u200b`, KEY.accessKeyId,
      `${KEY.accessKeySecret}\u200b`, undefined,
    ], () => vscode.commands.executeCommand('directMail.addProfile'));
    assert.equal(result, undefined);
    assert.deepEqual(asked.map((q) => q.validation ?? ''), [
      'The profile name contains a right-to-left override (U+202E), an invisible character that can make it look like another name; remove it (type the name instead of pasting it).',
      '',
      'The AccessKey ID may contain only letters and digits (temporary keys start with "STS."); remove a zero-width space (U+200B).',
      '',
      'The AccessKey secret contains the character U+200B, which no AccessKey secret has (it often comes along when pasting from a document); copy the secret again.',
      '',
    ]);
    assert.deepEqual(await requests(), []);
    assert.deepEqual(a.profiles.stored(), []);
  });
});
