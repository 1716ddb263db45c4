// Bad input in every field a user types, run through the real client against the emulator: each value is refused
// before any request (the emulator's request log stays empty) with a message that says what is wrong (a fragment
// per case, written out here, not taken from the code under test).
import { strict as assert } from 'node:assert';
import { DirectMailClient, DirectMailError } from '../../src/api';
import type { ClientOptions, RecipientInput, SingleSendMailRequest } from '../../src/api';
import { parseCsv } from '../../src/model/csv';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import { useDemoClient } from './demoClient';
import type { Emulator } from './server';

type Case = [label: string, run: (c: DirectMailClient) => Promise<unknown>, fragment: RegExp];

const LIST = 'ReceiverList0001';
const long = (n: number, ch = 'x'): string => ch.repeat(n);

/** A mail that passes every check; each case spoils one field. */
const MAIL: SingleSendMailRequest = { accountName: 'noreply@mail.example.com', toAddress: 'you@example.net', subject: 'Hello', textBody: 'Hi' };
const send = (change: Partial<SingleSendMailRequest>) => (c: DirectMailClient) => c.singleSendMail({ ...MAIL, ...change });
const recipients = (rows: RecipientInput[]) => (c: DirectMailClient) => c.addRecipients(LIST, rows);

const domainNames: [string, RegExp][] = [
  ['', /Enter a domain name/],
  [' example.com', /remove a space/],
  ['example.com ', /remove a space/],
  ['exa mple.com', /remove a space/],
  ['example', /needs a dot/],
  ['a..com', /empty part/],
  ['.example.com', /empty part/],
  ['example.com.', /empty part/],
  ['-a.com', /starts or ends with "-"/],
  ['a-.com', /starts or ends with "-"/],
  ['mail.-b.com', /starts or ends with "-"/],
  ['example.123', /top-level domain/],
  [long(47) + '.com', /at most 50 characters \(now 51\)/],
  ['bücher.de', /remove "ü"/],
  ['exa_mple.com', /remove "_"/],
  ['example.com\n', /remove a line break \(U\+000A\)/],
  ['example.com\r\nX-Evil: 1', /remove a line break \(U\+000D\)/],
  ['ex\tample.com', /remove a tab/],
  ['a\0.com', /remove a NUL character/],
  ['exa\u200bmple.com', /zero-width space \(U\+200B\), an invisible character/],
  ['exa\u202emple.com', /right-to-left override \(U\+202E\)/],
  ['\ufeffexample.com', /zero-width no-break space \(U\+FEFF\)/],
  ['example.com/path', /remove "\/"/],
  ['user@example.com', /remove "@"/],
  ['https://example.com', /remove ":"/],
  ['example.com;drop', /remove ";"/],
];

const dkimSelectors: [string, RegExp][] = [
  ['a_b', /not "_"/], ['a.b', /not "\."/], ['a b', /not a space/], ['-ab', /must not start or end with "-"/], ['ab-', /must not start or end with "-"/],
  [long(61, 'a'), /at most 60 characters \(now 61\)/], ['sel\n', /not a line break/], ['sél', /not "é"/],
];

const senderAddresses: [string, RegExp][] = [
  ['', /Enter the sender address/],
  ['noreply', /must look like name@example\.com/],
  ['a@@b.com', /one "@"/],
  ['@example.com', /one "@" with text on both sides/],
  ['noreply@', /one "@" with text on both sides/],
  ['a b@example.com', /before "@" may contain only .*remove a space/],
  ['a@example', /needs a dot/],
  ['.a@example.com', /must not start or end with "\."/],
  ['a.@example.com', /must not start or end with "\."/],
  ['a..b@example.com', /contain "\.\."/],
  [long(65, 'a') + '@example.com', /before "@" can have at most 64 characters \(now 65\)/],
  ['a@' + long(64, 'b') + '.com', /between dots can have at most 63 characters \(now 64\)/],
  ['a@-x.com', /starts or ends with "-"/],
  ['a@x-.com', /starts or ends with "-"/],
  ['a@x.123', /top-level domain/],
  ['a@x..com', /empty part/],
  ['a\n@x.com', /remove a line break/],
  ['a@x.com\r\n', /remove a line break \(U\+000D\)/],
  ['a\u200b@x.com', /zero-width space \(U\+200B\)/],
  ['ü@x.com', /remove "ü"/],
  ['a"b@x.com', /remove """/],
  ['a<b>@x.com', /remove "<"/],
  ['a@x.com,b@y.com', /one "@"/],
  ['a@' + long(190) + '.com', /at most 192 characters/],
  [' a@x.com', /remove a space/],
  ['a@x_y.com', /remove "_"/],
];

const smtpPasswords: [string, RegExp][] = [
  ['', /Enter an SMTP password/],
  ['Ab1', /10 to 20 characters long \(now 3\)/],
  ['Ab12' + long(17, 'c'), /10 to 20 characters long \(now 21\)/],
  ['abcdefgh12', /add two upper-case letters/],
  ['ABCDEFGH12', /add two lower-case letters/],
  ['AbcdEfghij', /add two digits/],
  ['AAbc1234ef', /must not repeat one character/],
  ['Abcd11Efgh', /must not repeat one character/],
  ['Abcd 1234Ef', /only letters and digits; remove a space/],
  ['Abcd1234Ef\n', /only letters and digits; remove a line break/],
  ['Abcd1234Éf', /only letters and digits; remove "É"/],
  ['Abcd-1234Ef', /only letters and digits; remove "-"/],
  ['Ab\u200bcd1234Ef', /remove a zero-width space \(U\+200B\)/],
];

const tagNames: [string, RegExp][] = [
  ['', /Enter a tag name/], ['has space', /remove a space/], ['tag.name', /remove "\."/], [long(129), /at most 128 characters \(now 129\)/],
  ['tag\n', /remove a line break/], ['tag\u202e', /right-to-left override \(U\+202E\)/], ['tag\u200d', /zero-width joiner \(U\+200D\)/],
  ['tág', /remove "á"/], ['tag;drop', /remove ";"/], [' tag', /remove a space/], ['tag\u2066x', /left-to-right isolate \(U\+2066\)/],
];

const listNames: [string, RegExp][] = [
  ['', /Enter a list name/], ['   ', /Enter a list name/], [long(31), /at most 30 characters \(now 31\)/], ['News\nletter', /single line.*line break/],
  ['News\u202eletter', /right-to-left override \(U\+202E\)/], ['News\u200bletter', /zero-width space \(U\+200B\)/], ['a\0', /NUL character/],
  ['tab\there', /remove a tab/], ['line\u2028sep', /line break \(U\+2028\)/], ['bell\u0007', /control character U\+0007/],
];

const listAliases: [string, RegExp][] = [
  ['', /Enter a list alias/], ['not-an-address', /must look like name@example\.com/], [long(20) + '@example.com', /shorter than 30 characters/],
  ['news\u200b@example.com', /zero-width space \(U\+200B\)/], ['news @example.com', /remove a space/], ['news@example.com\n', /remove a line break/],
];

const pageSizes: [number, RegExp][] = [
  [0, /from 1 to 100 \(now 0\)/], [-1, /whole number from 1 to 100/], [101, /from 1 to 100 \(now 101\)/], [1.5, /whole number/], [Number.NaN, /whole number/],
  [Number.POSITIVE_INFINITY, /whole number/], [1e21, /whole number/],
];

const endpoints: [string, RegExp][] = [
  ['dm.aliyuncs.com', /not a valid URL/],
  ['ftp://dm.aliyuncs.com', /must start with https:\/\//],
  ['http://dm.aliyuncs.com', /plain http:\/\/, which is only allowed for this machine/],
  ['http://a.localhost:8080', /only allowed for this machine/],
  ['http://localhost.:8080', /only allowed for this machine/],
  ['http://10.0.0.1', /only allowed for this machine/],
  ['http://[::2]:80', /only allowed for this machine/],
  ['http://0.0.0.0:80', /only allowed for this machine/],
  ['https://user:pw@dm.aliyuncs.com', /must not contain a user name or password/],
  ['https://dm.aliyuncs.com/path', /remove "\/path"/],
  ['https://dm.aliyuncs.com/?Action=x', /remove "\/\?Action=x"/],
  ['https://dm.ali\nyuncs.com', /line break or invisible character \(U\+000A\)/],
  ['https://dm.aliyuncs.com\u200b', /invisible character \(U\+200B\)/],
  ['https://dm.aliyuncs .com', /space, line break or invisible character \(U\+0020\)/],
  ['javascript:alert(1)', /must start with https:\/\//],
  ['file:///etc/passwd', /must start with https:\/\//],
  ['https://', /not a valid URL/],
];

const regions: [string, RegExp][] = [
  ['mars-1', /Unknown Direct Mail region "mars-1"/], ['', /Unknown Direct Mail region ""/], ['CN-HANGZHOU', /Unknown Direct Mail region "CN-HANGZHOU"/],
  ['cn-hangzhou ', /Unknown Direct Mail region "cn-hangzhou "/],
];

/** CSV rows a user might import, read by the extension's own reader and sent as typed (no import-plan filtering). */
const csvRows: [string, RegExp][] = [
  ['bad-address,Ann', /Recipient 1 \(bad-address\): .*name@example\.com/],
  ['"a@x.com\n",Ann', /remove a line break/],
  ['a@x.com,"Ann\nLee"', /single line.*line break \(U\+000A\)/],
  ['a@x.com,"Ann\r\nBcc: x@y.com"', /single line.*line break \(U\+000D\)/],
  [`a@x.com,${long(101)}`, /at most 100 characters \(now 101\)/],
  [' a@x.com,Ann', /remove a space/],
  ['a@x.com\u200b,Ann', /zero-width space \(U\+200B\)/],
  ['a@x.com,Ann\u0000', /NUL character|control character/],
  ['=HYPERLINK("http://evil")@x.com,Ann', /remove "="/],
  ['a@x.com,Ann,"x\u2028y"', /line break \(U\+2028\)/],
];

function csvCase([text, fragment]: [string, RegExp]): Case {
  const [record] = parseCsv(`${text}\r\n`);
  const [email, nickName, mobile] = record.fields;
  const row: RecipientInput = { email, nickName, ...(mobile !== undefined ? { mobile } : {}) };
  return [`CSV row ${JSON.stringify(text.slice(0, 40))}`, recipients([row]), fragment];
}

const CASES: Case[] = [
  ...domainNames.map(([v, f]): Case => [`domain name ${JSON.stringify(v)}`, (c) => c.createDomain({ domainName: v }), f]),
  ...domainNames.slice(0, 8).map(([v, f]): Case => [`domain of an SMTP password ${JSON.stringify(v)}`, (c) => c.modifyDomainPassword(v, 'Abcd1234Ef'), f]),
  ...dkimSelectors.map(([v, f]): Case => [`DKIM selector ${JSON.stringify(v)}`, (c) => c.createDomain({ domainName: 'example.com', dkimSelector: v }), f]),
  ...senderAddresses.map(([v, f]): Case => [`sender address ${JSON.stringify(v)}`, (c) => c.createSenderAddress({ accountName: v, sendtype: 'trigger' }), f]),
  ['send type "bulk"', (c) => c.createSenderAddress({ accountName: 'a@example.com', sendtype: 'bulk' as 'batch' }), /Choose a send type/],
  ['send type "Batch"', (c) => c.createSenderAddress({ accountName: 'a@example.com', sendtype: 'Batch' as 'batch' }), /Choose a send type/],
  ['reply-to "reply@"', (c) => c.createSenderAddress({ accountName: 'a@example.com', sendtype: 'batch', replyAddress: 'reply@' }), /reply-to address must look like/],
  ['new reply-to "x"', (c) => c.modifySenderAddress({ senderAddressId: '1', replyAddress: 'x' }), /must look like name@example\.com/],
  ['new reply-to with RLO', (c) => c.modifySenderAddress({ senderAddressId: '1', replyAddress: 'support\u202e@example.com' }), /right-to-left override/],
  ['sender change with nothing to change', (c) => c.modifySenderAddress({ senderAddressId: '1' }), /Give a new SMTP password or a new reply-to address/],
  ...smtpPasswords.map(([v, f]): Case => [`domain SMTP password ${JSON.stringify(v)}`, (c) => c.modifyDomainPassword('example.com', v), f]),
  ...smtpPasswords.slice(0, 6).map(([v, f]): Case => [`sender SMTP password ${JSON.stringify(v)}`, (c) => c.modifySenderAddress({ senderAddressId: '1', password: v }), f]),
  ...tagNames.map(([v, f]): Case => [`tag name ${JSON.stringify(v)}`, (c) => c.createTag({ tagName: v }), f]),
  ...tagNames.slice(0, 4).map(([v, f]): Case => [`new tag name ${JSON.stringify(v)}`, (c) => c.modifyTag({ tagId: '1', tagName: v }), f]),
  ['tag description of 256 characters', (c) => c.createTag({ tagName: 'ok', tagDescription: long(256) }), /at most 255 characters \(now 256\)/],
  ['tag description with a line break', (c) => c.createTag({ tagName: 'ok', tagDescription: 'two\nlines' }), /single line.*line break/],
  ['tag description with NUL', (c) => c.createTag({ tagName: 'ok', tagDescription: 'nul\0' }), /NUL character/],
  ['tag ID "abc"', (c) => c.modifyTag({ tagId: 'abc', tagName: 'ok' }), /tag ID must be a number/],
  ...listNames.map(([v, f]): Case => [`list name ${JSON.stringify(v)}`, (c) => c.createRecipientList({ listName: v, listAlias: 'news@example.com' }), f]),
  ...listAliases.map(([v, f]): Case => [`list alias ${JSON.stringify(v)}`, (c) => c.createRecipientList({ listName: 'News', listAlias: v }), f]),
  ['list description of 256 characters', (c) => c.createRecipientList({ listName: 'News', listAlias: 'n@example.com', desc: long(256) }), /at most 255 characters/],
  ['list description with CR', (c) => c.createRecipientList({ listName: 'News', listAlias: 'n@example.com', desc: 'a\rb' }), /single line.*U\+000D/],
  ['no recipients', recipients([]), /Add at least one recipient address/],
  ['501 recipients', recipients(Array.from({ length: 501 }, (_, i) => ({ email: `r${i}@example.com` }))), /At most 500 recipients .* \(got 501\)/],
  ['recipient "bad"', recipients([{ email: 'bad' }]), /Recipient 1 \(bad\)/],
  ['recipient nickname with a line break', recipients([{ email: 'a@example.com', nickName: 'Ann\nLee' }]), /single line/],
  ['recipient mobile of 101 characters', recipients([{ email: 'a@example.com', mobile: long(101, '1') }]), /at most 100 characters \(now 101\)/],
  ['recipient user name with U+2028', recipients([{ email: 'a@example.com', userName: 'a\u2028b' }]), /line break \(U\+2028\)/],
  ['recipient gender with NUL', recipients([{ email: 'a@example.com', gender: 'm\0' }]), /NUL character/],
  ['second recipient with a bad birthday', recipients([{ email: 'a@example.com' }, { email: 'b@example.com', birthday: '1990\r\n01' }]), /Recipient 2 \(b@example\.com\)/],
  ['template variable value with CRLF', (c) => c.addRecipientsWithData(LIST, [{ email: 'a@example.com', customData: { name: 'Tom\r\nBcc: x@y.com' } }]), /"name": A template variable value must be a single line.*U\+000D/],
  ['template variable name with RLO', (c) => c.addRecipientsWithData(LIST, [{ email: 'a@example.com', customData: { ['na\u202eme']: 'Tom' } }]), /right-to-left override \(U\+202E\)/],
  ['template variable value of 1001 characters', (c) => c.addRecipientsWithData(LIST, [{ email: 'a@example.com', customData: { name: long(1001) } }]), /at most 1000 characters \(now 1001\)/],
  ['recipient to delete "bad"', (c) => c.deleteRecipient(LIST, 'bad'), /must look like name@example\.com/],
  ...csvRows.map(csvCase),
  ...pageSizes.map(([v, f]): Case => [`domain page size ${v}`, (c) => c.queryDomains({ pageSize: v }), f]),
  ...pageSizes.slice(0, 3).map(([v, f]): Case => [`tag page size ${v}`, (c) => c.queryTags({ pageSize: v }), f]),
  ...pageSizes.slice(0, 3).map(([v, f]): Case => [`recipient page size ${v}`, (c) => c.queryRecipients({ recipientListId: LIST, pageSize: v }), f]),
  ['page number 0', (c) => c.queryDomains({ pageNo: 0 }), /page number must be a whole number of at least 1 \(got 0\)/],
  ['page number -1', (c) => c.querySenderAddresses({ pageNo: -1 }), /at least 1 \(got -1\)/],
  ['page number 1.5', (c) => c.queryTags({ pageNo: 1.5 }), /at least 1 \(got 1\.5\)/],
  ['search keyword of 51 characters', (c) => c.queryTags({ keyword: long(51) }), /at most 50 characters \(now 51\)/],
  ['search keyword with a tab', (c) => c.querySenderAddresses({ keyword: 'a\tb' }), /remove a tab/],
  ['search keyword with a line break', (c) => c.queryRecipients({ recipientListId: LIST, keyword: 'a\nb' }), /line break/],
  ['domain search with a space', (c) => c.queryDomains({ keyword: 'exa mple' }), /domain search may contain only letters, digits/],
  ['domain ID "abc"', (c) => c.descDomain('abc'), /domain ID must be a number; got "abc"/],
  ['domain ID "1; drop"', (c) => c.deleteDomain('1; drop'), /domain ID must be a number/],
  ['domain ID ""', (c) => c.checkDomain(''), /domain ID must be a number/],
  ['sender ID "1.5"', (c) => c.deleteSenderAddress('1.5'), /sender address ID must be a number/],
  ['list ID ""', (c) => c.deleteRecipientList(''), /recipient list ID is missing/],
  ['list ID with a space', (c) => c.deleteRecipientList('a b'), /recipient list ID contains characters it cannot have/],
  ['list ID with a line break', (c) => c.queryRecipients({ recipientListId: 'x\n' }), /recipient list ID contains characters/],
  ['ticket with a space', (c) => c.approveReplyAddress('a b'), /verification ticket contains characters it cannot have/],
  ['empty ticket', (c) => c.approveReplyAddress('  '), /verification ticket is missing/],
  ['mail language "en;x"', (c) => c.checkReplyToAddress('1', { lang: 'en;x' }), /language must be a code such as "en"/],
  ['mail subject ""', send({ subject: '' }), /Enter a subject/],
  ['mail subject of spaces', send({ subject: '   ' }), /Enter a subject/],
  ['mail subject of 257 characters', send({ subject: long(257) }), /at most 256 characters \(now 257\)/],
  ['mail subject with CRLF and a header', send({ subject: 'Hi\r\nBcc: victim@example.com' }), /subject must be a single line.*U\+000D/],
  ['mail subject with NUL', send({ subject: 'Hi\0' }), /NUL character/],
  ['mail subject with U+2028', send({ subject: 'Hi\u2028there' }), /line break \(U\+2028\)/],
  ['mail subject with U+0085', send({ subject: 'Hi\u0085there' }), /control character U\+0085/],
  ['sender name of 15 characters', send({ fromAlias: long(15) }), /sender name must be shorter than 15 characters \(now 15\)/],
  ['sender name with a line break', send({ fromAlias: 'Shop\nX' }), /sender name must be a single line/],
  ['sender name with RLO', send({ fromAlias: 'Pay\u202elaP' }), /right-to-left override \(U\+202E\)/],
  ['sender name with a zero-width joiner', send({ fromAlias: 'Shop\u200d' }), /zero-width joiner/],
  ['reply-to name of 15 characters', send({ replyAddressAlias: long(15) }), /reply-to name must be shorter than 15/],
  ['reply-to name with CR', send({ replyAddressAlias: 'x\ry' }), /reply-to name must be a single line/],
  ['no body', send({ textBody: undefined, htmlBody: '' }), /Enter a message body/],
  ['body with NUL', send({ textBody: 'Hi\0' }), /message body contains a NUL character/],
  ['body over 8 MB', send({ htmlBody: long(8_000_001) }), /at most 8 MB/],
  ['header name with CRLF', send({ headers: { 'X-User-A\r\nBcc': 'v' } }), /Header "X-User-A\r\nBcc": .*remove a line break \(U\+000D\)/],
  ['header value with CRLF', send({ headers: { 'X-User-A': 'v\r\nBcc: victim@example.com' } }), /Header "X-User-A": A header value must be a single line/],
  ['header value with LF', send({ headers: { 'X-User-A': 'v\nX' } }), /single line.*U\+000A/],
  ['header value with NUL', send({ headers: { 'X-User-A': 'v\0' } }), /NUL character/],
  ['empty header name', send({ headers: { '': 'v' } }), /Enter a header name/],
  ['header name with a space', send({ headers: { 'X User': 'v' } }), /header name may contain only printable ASCII.*remove a space/],
  ['header name with ":"', send({ headers: { 'X:User': 'v' } }), /without ":"; remove ":"/],
  ['header name with "é"', send({ headers: { 'X-Usér': 'v' } }), /remove "é"/],
  ['11 headers', send({ headers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`X-User-${i}`, 'v'])) }), /At most 10 custom headers .* \(got 11\)/],
  ['header value of 999 characters', send({ headers: { 'X-User-A': long(999) } }), /at most 998 characters \(now 999\)/],
  ['no recipients to send to', send({ toAddress: '' }), /Enter at least one recipient address/],
  ['recipient "bad"', send({ toAddress: 'bad' }), /Recipient "bad": .*name@example\.com/],
  ['101 recipients', send({ toAddress: Array.from({ length: 101 }, (_, i) => `r${i}@example.com`) }), /At most 100 recipient addresses .* \(got 101\)/],
  ['recipient with a line break inside', send({ toAddress: 'a@x.com\nb@y.com' }), /remove a line break/],
  ['recipient with RLO', send({ toAddress: ['moc.elpmaxe\u202e@a.com'] }), /right-to-left override/],
  ['three BCC addresses', send({ bccAddress: ['a@x.com', 'b@x.com', 'c@x.com'] }), /At most 2 BCC addresses .* \(got 3\)/],
  ['BCC "bad"', send({ bccAddress: 'bad' }), /BCC "bad"/],
  ['sender "noreply" without domain authentication', send({ accountName: 'noreply' }), /is a domain, not a sender address|must look like name@example\.com/],
  ['sender with a space', send({ accountName: 'no reply@example.com' }), /remove a space/],
  ['mail tag "bad tag"', send({ tagName: 'bad tag' }), /tag name may contain only .*remove a space/],
  ['mail reply-to "x@"', send({ replyAddress: 'x@' }), /reply-to address must look like/],
];

describe('Bad input is refused before any request, with what is wrong', function () {
  let emulator: Emulator;
  let client: DirectMailClient;

  async function requestCount(): Promise<number> {
    const res = await fetch(`${emulator.url}/__emulator/requests`);
    return ((await res.json()) as { requests: unknown[] }).requests.length;
  }

  async function refused(label: string, work: () => unknown, fragment: RegExp): Promise<void> {
    let error: unknown;
    try {
      await work();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof DirectMailError, `${label}: expected a refusal, got ${error === undefined ? 'success' : String(error)}`);
    assert.equal(error.code, 'InvalidInput', `${label}: ${error.message}`);
    assert.equal(error.delivery, 'notSent', label);
    assert.match(error.message, fragment, label);
    assert.equal(await requestCount(), 0, `${label}: a request reached the emulator`);
  }

  useDemoClient((e, c) => {
    emulator = e;
    client = c;
  });
  beforeEach(async () => {
    await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });
  });

  it('the client and the emulator work with good input (so the refusals below are the input\'s doing)', async () => {
    await client.createTag({ tagName: 'good_tag', tagDescription: 'fine' });
    assert.equal(await requestCount(), 1);
  });

  it(`refuses ${CASES.length} bad values across the client's methods`, async () => {
    assert.ok(CASES.length >= 150, `only ${CASES.length} cases`);
    const failures: string[] = [];
    for (const [label, run, fragment] of CASES) {
      try {
        await refused(label, () => run(client), fragment);
      } catch (e) {
        failures.push((e as Error).message);
        await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' }); // each case is judged on its own
      }
    }
    assert.deepEqual(failures, []);
  });

  it(`refuses ${endpoints.length} bad endpoint URLs and ${regions.length} bad regions when the client is made`, async () => {
    const make = (options: Partial<ClientOptions>) => () => new DirectMailClient({ region: 'cn-hangzhou', credentials: { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET }, ...options });
    for (const [endpoint, fragment] of endpoints) await refused(`endpoint ${JSON.stringify(endpoint)}`, make({ endpoint }), fragment);
    for (const [region, fragment] of regions) {
      await refused(`region ${JSON.stringify(region)} with the emulator`, make({ region: region as ClientOptions['region'], endpoint: emulator.url }), fragment);
      await refused(`region ${JSON.stringify(region)}`, make({ region: region as ClientOptions['region'] }), fragment);
    }
  });
});

export const BAD_INPUT_COUNT = CASES.length + endpoints.length + regions.length * 2;
