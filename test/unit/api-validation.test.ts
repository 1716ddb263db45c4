// The rules for user-typed fields: what passes, what is refused, and that every refusal says how to fix it.
import { strict as assert } from 'node:assert';
import { FIELD_NAMES, checkField, fieldSchemas } from '../../src/api/validation';
import type { FieldName } from '../../src/api/validation';

const valid: Record<FieldName, string[]> = {
  domainName: ['example.com', 'mail.example.com', 'a-b.example.co.uk', 'x'.repeat(46) + '.com'],
  dkimSelector: ['', 'sel1', 'my-selector', 'a'.repeat(60)],
  emailAddress: ['a@example.com', 'first.last+tag@mail.example.org', 'x_y-z@example.net'],
  accountName: ['noreply@example.com', 'News.Letter@mail.example.com'],
  replyAddress: ['', 'support@example.com'],
  sendType: ['batch', 'trigger'],
  smtpPassword: ['Abcd1234Ef', 'AAbbCC1122dd', 'Xy12Zw34' + 'q'.repeat(12)],
  tagName: ['welcome', 'password-reset', 'a_b', 'x'.repeat(128)],
  tagDescription: ['', 'Password reset mails', 'x'.repeat(255)],
  recipientListName: ['Newsletter', 'Beta testers', 'x'.repeat(30)],
  recipientListAlias: ['news@example.com', 'a@b.co'],
  recipientListDescription: ['', 'Monthly product news'],
  pageSize: ['1', '10', '100'],
  keyword: ['', 'example', 'x'.repeat(50)],
  profileName: ['default', 'work account', 'prod_eu-1', 'me@company'],
  accessKeyId: ['DemoEmulatorKeyId', 'ExampleAccessKeyId0001', 'STS.ExampleTemporaryKeyId'],
  subject: ['Hello', 'Grüße aus Berlin — 你好', 'x'.repeat(256)],
  senderName: ['Example Shop', '示例商店', 'x'.repeat(14)],
  replyToName: ['Support', 'x'.repeat(14)],
  mailBody: ['Hello', 'line one\r\nline two\ttabbed', '<p>' + 'x'.repeat(100_000) + '</p>'],
  headerName: ['X-User-Campaign', 'List-Unsubscribe', 'Message-ID'],
  headerValue: ['', '<mailto:unsubscribe@example.com>', 'x'.repeat(998)],
  recipientDetail: ['', 'Ann Lee', '+8613800000000', '1990-01-31', 'x'.repeat(100)],
  templateVariable: ['name', 'order_id', '订单号', 'x'.repeat(64)],
  templateValue: ['', 'Tom', '¥ 12.50', 'x'.repeat(1000)],
};

const invalid: Record<FieldName, [string, RegExp][]> = {
  domainName: [
    ['', /Enter a domain name/], ['exa mple.com', /remove a space/], ['example', /needs a dot/], ['a..com', /empty part/],
    ['-a.com', /hyphen/], ['example.123', /top-level domain/], ['x'.repeat(47) + '.com', /at most 50 characters \(now 51\)/],
    ['bücher.de', /remove "ü"/],
  ],
  dkimSelector: [['a_b', /not "_"/], ['a.b', /not "\."/], ['a b', /not a space/], ['-ab', /start or end/], ['a'.repeat(61), /at most 60/]],
  emailAddress: [['', /Enter an email address/], ['no-at', /name@example\.com/], ['a@@b.com', /one "@"/], ['a b@example.com', /remove a space/],
    ['a@example', /needs a dot/], ['.a@example.com', /start or end with "\."/], ['a@' + 'x'.repeat(190) + '.com', /at most 192/]],
  accountName: [['', /Enter the sender address/], ['noreply', /name@example\.com/]],
  replyAddress: [['reply@', /name@example\.com/]],
  sendType: [['', /trigger.*batch/], ['bulk', /Choose a send type/], ['Batch', /Choose a send type/]],
  smtpPassword: [
    ['', /Enter an SMTP password/], ['Ab1', /10 to 20 characters long \(now 3\)/], ['Ab12' + 'c'.repeat(17), /10 to 20 characters long \(now 21\)/],
    ['abcdefgh12', /add two upper-case letters/], ['ABCDEFGH12', /add two lower-case letters/], ['AbcdEfghij', /add two digits/],
    ['AAbc1234ef', /not "11" or "AA"/], ['Abcd11Efgh', /repeat one character/], ['Abcd 1234Ef', /only letters and digits; remove a space/],
  ],
  tagName: [['', /Enter a tag name/], ['has space', /remove a space/], ['tag.name', /remove "\."/], ['x'.repeat(129), /at most 128/]],
  tagDescription: [['x'.repeat(256), /at most 255/], ['two\nlines', /single line/]],
  recipientListName: [['', /Enter a list name/], ['   ', /Enter a list name/], ['x'.repeat(31), /at most 30/]],
  recipientListAlias: [['', /Enter a list alias/], ['not-an-address', /name@example\.com/], ['x'.repeat(20) + '@example.com', /shorter than 30/]],
  recipientListDescription: [['x'.repeat(256), /at most 255/]],
  pageSize: [['0', /from 1 to 100 \(now 0\)/], ['101', /from 1 to 100/], ['ten', /whole number/], ['2.5', /whole number/], ['', /whole number/]],
  keyword: [['x'.repeat(51), /at most 50/], ['a\tb', /single line/]],
  profileName: [['', /Enter a profile name/], ['  ', /Enter a profile name/], [' work', /start or end with a space/], ['a/b', /remove "\/"/], ['x'.repeat(65), /at most 64/]],
  accessKeyId: [['', /Enter the AccessKey ID/], [' DemoEmulatorKeyId', /leading or trailing space/], ['Key-abc-def', /remove "-"/], ['Key5tx', /12 to 64 characters/]],
  subject: [['', /Enter a subject/], ['  ', /Enter a subject/], ['x'.repeat(257), /at most 256 characters \(now 257\)/], ['a\r\nBcc: x@example.com', /single line.*line break \(U\+000D\)/],
    ['nul\0byte', /NUL character/], ['next\u2028line', /line break \(U\+2028\)/]],
  senderName: [['x'.repeat(15), /shorter than 15 characters \(now 15\)/], ['Shop\nX', /single line.*line break/], ['Pay\u202eLaP', /right-to-left override \(U\+202E\)/]],
  replyToName: [['x'.repeat(15), /reply-to name must be shorter than 15/], ['a\tb', /remove a tab/]],
  mailBody: [['', /Enter a message body/], ['a\0b', /NUL character/], ['x'.repeat(8_000_001), /at most 8 MB \(now 8\.0 MB\)/], ['好'.repeat(2_700_000), /at most 8 MB \(now 8\.1 MB\)/]],
  headerName: [['', /Enter a header name/], ['X-User A', /remove a space/], ['X-User:A', /remove ":"/], ['X-Us\u00e9r', /remove "é"/], ['X'.repeat(77), /at most 76/]],
  headerValue: [['v\r\nBcc: victim@example.com', /single line.*line break \(U\+000D\)/], ['v\nX', /U\+000A/], ['\0', /NUL/], ['x'.repeat(999), /at most 998/]],
  recipientDetail: [['x'.repeat(101), /at most 100 characters \(now 101\)/], ['Ann\nLee', /single line/], ['\u0085', /control character U\+0085/]],
  templateVariable: [['', /Enter a template variable name/], ['na\u200bme', /zero-width space \(U\+200B\)/], ['a\nb', /single line/], ['x'.repeat(65), /at most 64/]],
  templateValue: [['x'.repeat(1001), /at most 1000 characters \(now 1001\)/], ['Tom\r\nBcc: x@example.com', /single line.*U\+000D/], ['\0', /NUL/]],
};

describe('api validation: checkField', () => {
  it('has rules and cases for every field name of the contract', () => {
    assert.deepEqual([...FIELD_NAMES].sort(), [
      'accessKeyId', 'accountName', 'dkimSelector', 'domainName', 'emailAddress', 'keyword', 'pageSize', 'profileName',
      'recipientListAlias', 'recipientListDescription', 'recipientListName', 'replyAddress', 'sendType', 'smtpPassword', 'tagDescription', 'tagName',
      'subject', 'senderName', 'replyToName', 'mailBody', 'headerName', 'headerValue', 'recipientDetail', 'templateVariable', 'templateValue',
    ].sort());
    assert.deepEqual(Object.keys(valid).sort(), [...FIELD_NAMES].sort());
    assert.deepEqual(Object.keys(invalid).sort(), [...FIELD_NAMES].sort());
  });

  for (const name of Object.keys(valid) as FieldName[]) {
    it(`${name}: accepts valid values and explains invalid ones`, () => {
      for (const value of valid[name]) assert.equal(checkField(name, value), undefined, `${name} should accept ${JSON.stringify(value)}`);
      for (const [value, expected] of invalid[name]) {
        const message = checkField(name, value);
        assert.ok(message, `${name} should refuse ${JSON.stringify(value)}`);
        assert.match(message, expected, `${name} ${JSON.stringify(value)}`);
        assert.match(message, /[.)]$/, 'a message is a full sentence');
      }
    });
  }

  it('refuses labels over 63 characters, labels with a hyphen at either end and local parts over 64', () => {
    const label64 = 'a'.repeat(64);
    assert.match(checkField('emailAddress', `a@${label64}.com`) ?? '', /between dots can have at most 63 characters \(now 64\)/);
    assert.equal(checkField('emailAddress', `a@${'a'.repeat(63)}.com`), undefined);
    assert.match(checkField('emailAddress', `${'a'.repeat(65)}@example.com`) ?? '', /before "@" can have at most 64 characters \(now 65\)/);
    assert.equal(checkField('emailAddress', `${'a'.repeat(64)}@example.com`), undefined);
    for (const host of ['-mail.example.com', 'mail-.example.com', 'mail.-example.com', 'mail.example-.com']) {
      assert.match(checkField('domainName', host) ?? '', /starts or ends with "-"/, host);
      assert.match(checkField('emailAddress', `a@${host}`) ?? '', /starts or ends with "-"/, host);
    }
  });

  it('refuses names with bidi overrides or zero-width characters, naming the character', () => {
    const invisible: [string, string][] = [
      ['\u202a', 'left-to-right embedding (U+202A)'], ['\u202b', 'right-to-left embedding (U+202B)'], ['\u202c', 'pop directional formatting (U+202C)'],
      ['\u202d', 'left-to-right override (U+202D)'], ['\u202e', 'right-to-left override (U+202E)'], ['\u2066', 'left-to-right isolate (U+2066)'],
      ['\u2067', 'right-to-left isolate (U+2067)'], ['\u2068', 'first strong isolate (U+2068)'], ['\u2069', 'pop directional isolate (U+2069)'],
      ['\u200b', 'zero-width space (U+200B)'], ['\u200c', 'zero-width non-joiner (U+200C)'], ['\u200d', 'zero-width joiner (U+200D)'],
      ['\ufeff', 'zero-width no-break space (U+FEFF)'], ['\u2060', 'word joiner (U+2060)'],
    ];
    const names: [FieldName, (ch: string) => string][] = [
      ['tagName', (ch) => `promo${ch}2024`], ['recipientListName', (ch) => `News${ch}letter`], ['recipientListAlias', (ch) => `news${ch}@example.com`],
      ['profileName', (ch) => `work${ch}`], ['domainName', (ch) => `exa${ch}mple.com`], ['senderName', (ch) => `Shop${ch}`],
      ['emailAddress', (ch) => `a@example.com${ch}`], ['accountName', (ch) => `no${ch}reply@example.com`],
    ];
    for (const [field, make] of names) {
      for (const [ch, described] of invisible) {
        const message = checkField(field, make(ch)) ?? '';
        assert.ok(message.includes(described) && message.includes('invisible character'), `${field} with ${described}: ${message}`);
      }
    }
  });

  it('exposes the same rules as zod/mini schemas', () => {
    assert.equal(fieldSchemas.domainName.safeParse('example.com').success, true);
    const result = fieldSchemas.smtpPassword.safeParse('abcdefgh12');
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0].message, checkField('smtpPassword', 'abcdefgh12'));
    assert.equal(fieldSchemas.sendType.safeParse(42 as unknown as string).success, false);
  });
});
