// The input checks in the display language: every sentence and every word a check puts into it (field names,
// character descriptions) comes from the translator the caller passes, so nothing stays English in a Chinese VS Code;
// and with the shipped zh-cn bundle the forms, the test-email form and the import report word them in Chinese.
import * as assert from 'node:assert/strict';
import { FIELD_NAMES, checkField, tokenProblem } from '../../src/api/validation';
import type { FieldName } from '../../src/api/validation';
import { checkForm, checkSpec } from '../../src/shared/formSpecs';
import { testEmailForm } from '../../src/shared/testEmailSpec';
import { parseCsv } from '../../src/model/csv';
import { marking, messagesIn, oneSpan, zhCn } from '../translationChecks';
import { planImport } from '../../src/model/recipientImport';

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/**
 * Bad values that reach every message of the rules. None echoes a lower-case ASCII letter of the value (the
 * characters a message names are spaces, controls, punctuation), so any lower-case word in a message is one the
 * translator did not produce.
 */
const BAD: Record<FieldName, string[]> = {
  domainName: ['', 'x'.repeat(47) + '.com', 'exa mple.com', 'example', 'a..com', '-a.com', 'example.123', 'exa\u202emple.com'],
  dkimSelector: ['a_b', 'a b', 'a\u0001b', '-ab', 'a'.repeat(61)],
  emailAddress: [
    '', 'no-at', 'a b@example.com', 'a\tb@example.com', 'a\0b@example.com', 'a\n@example.com', 'a\u200b@example.com', '.a@example.com',
    'a@' + 'x'.repeat(190) + '.com', 'x'.repeat(65) + '@example.com', 'a@' + 'x'.repeat(64) + '.com', 'a@-x.com', 'a@x..com', 'a@x.12', 'a@ex_ample.com', 'a@example',
  ],
  accountName: ['', 'noreply', 'no\u202ereply@example.com'],
  replyAddress: ['reply@', 're\u202eply@example.com', 'a\nb@example.com'],
  sendType: ['bulk', ''],
  smtpPassword: ['', 'Ab1', 'Abcd 1234Ef', 'abcdefgh12', 'abcdefghij', 'ABCDEFGH12', 'AbcdEfghij', 'AAbc1234ef'],
  tagName: ['', 'x'.repeat(129), 'tag.name', ...INVISIBLE.map((ch) => `promo${ch}2024`)],
  tagDescription: ['x'.repeat(256), 'two\nlines'],
  recipientListName: ['', '   ', 'x'.repeat(31), 'News\u202eletter', 'News\tletter'],
  recipientListAlias: ['', 'x'.repeat(20) + '@example.com', 'not-an-address', 'news\u200b@example.com', 'a\n@example.com'],
  recipientListDescription: ['x'.repeat(256), 'a\nb'],
  pageSize: ['ten', '0', '101'],
  keyword: ['x'.repeat(51), 'a\tb'],
  profileName: ['', 'x'.repeat(65), 'a/b', ' work', 'work\u202e'],
  accessKeyId: ['', ' DemoEmulatorKeyId', 'Key-abc-def', 'Key5tx', 'STS.'],
  subject: ['', 'x'.repeat(257), 'a\r\nb', 'a\u0085b'],
  senderName: ['x'.repeat(15), 'Shop\nX', 'Pay\u202eLaP'],
  replyToName: ['x'.repeat(15), 'a\tb', 'a\u2066b'],
  mailBody: ['', 'a\0b', 'x'.repeat(8_000_001)],
  headerName: ['', 'X-User A', 'X-User:A', 'X'.repeat(77)],
  headerValue: ['v\r\nBcc: victim@example.com', 'x'.repeat(999)],
  recipientDetail: ['x'.repeat(101), 'Ann\nLee'],
  templateVariable: ['', 'na\u200bme', 'a\nb', 'x'.repeat(65)],
  templateValue: ['x'.repeat(1001), 'a\u2028b'],
};


describe('Input checks in the display language', () => {
  it('words every message and every part of it through the translator it is given', () => {
    // The marking translator wraps what it returns in «…» and shouts its template: a sentence built outside it
    // would not be one «…» span, and an English word added outside it would stay in lower case.
    const { t: shout, seen } = marking();
    assert.deepEqual(Object.keys(BAD).sort(), [...FIELD_NAMES].sort());
    for (const name of FIELD_NAMES) {
      for (const value of BAD[name]) {
        const plain = checkField(name, value);
        const marked = checkField(name, value, shout);
        const what = `${name} ${JSON.stringify(value.slice(0, 40))}: ${marked}`;
        assert.ok(plain, `${name} should refuse ${JSON.stringify(value.slice(0, 40))}`);
        assert.ok(marked && oneSpan(marked), `not one translated sentence: ${what}`);
        assert.doesNotMatch(marked, /[a-z]/, `English outside the translator: ${what}`);
        assert.equal(marked.replace(/[«»]/g, '').toLowerCase(), plain.toLowerCase(), `the translated message says something else: ${what}`);
      }
    }
    for (const value of ['', 'a b']) {
      const marked = tokenProblem(shout('the ticket'), value, shout) ?? '';
      assert.ok(oneSpan(marked) && !/[a-z]/.test(marked), `ticket ${JSON.stringify(value)}: ${marked}`);
    }
    // The cases above reach every message of the rules, so none of them is left unchecked.
    const unreached = [...messagesIn('src/api/validation.ts')].filter((key) => !seen.has(key));
    assert.deepEqual(unreached, []);
  });

  describe('with the zh-cn bundle', () => {
    const zh = zhCn();

    it('words the rules in Chinese', () => {
      assert.equal(checkField('domainName', '', zh), '请输入域名。');
      assert.equal(checkField('tagName', 'x'.repeat(129), zh), '标签名称最多 128 个字符（当前 129 个），请缩短。');
      assert.equal(checkField('tagName', 'promo\u200b2024', zh), '标签名称中含有零宽空格（U+200B），这是一个不可见字符，可能让它看起来像另一个名称；请删除它（请手动输入名称，不要粘贴）。');
      assert.equal(checkField('emailAddress', 'a@x..com', zh), '“@”后面的域名中有空的部分（两个点相连，或以点开头或结尾）；请删除多余的点。');
      assert.equal(checkField('smtpPassword', 'abcdefghij', zh), 'SMTP 密码至少需要两个数字、两个大写字母和两个小写字母；请添加两个数字和两个大写字母。');
      assert.equal(checkField('subject', 'a\r\nb', zh), '主题必须是单行文本，且不能包含控制字符；请删除换行符（U+000D）。');
      assert.equal(tokenProblem(zh('the ticket'), '', zh), '缺少验证码。');
      for (const name of FIELD_NAMES) {
        for (const value of BAD[name]) assert.match(checkField(name, value, zh) ?? '', /[\u4e00-\u9fff]/, `${name} ${JSON.stringify(value.slice(0, 40))}`);
      }
    });

    it('reaches the create forms, the test-email form and the import report', () => {
      assert.deepEqual(checkForm('tag', { tagName: 'x'.repeat(129) }, zh), { tagName: '标签名称最多 128 个字符（当前 129 个），请缩短。' });
      assert.deepEqual(checkForm('domain', { domainName: 'exa mple.com', dkimSelector: '-ab' }, zh), {
        domainName: '域名只能包含字母、数字、“.”和“-”；请删除空格。',
        dkimSelector: 'DKIM 选择器不能以“-”开头或结尾。',
      });
      assert.deepEqual(checkForm('sender', { domain: 'example.com', localPart: 'no reply', sendType: 'trigger', replyAddress: 'reply@' }, zh), {
        localPart: '“@”前面的部分只能包含字母、数字、“_”、“-”、“+”和“.”；请删除空格。',
        replyAddress: '回信地址的格式应为 name@example.com（只有一个“@”，且两侧都有内容）。',
      });
      assert.deepEqual(checkForm('recipientList', { listName: 'x'.repeat(31), listAlias: 'abc' }, zh), {
        listName: '列表名称最多 30 个字符（当前 31 个），请缩短。',
        listAlias: '别名地址的格式应为 name@example.com（只有一个“@”，且两侧都有内容）。',
      });
      const testEmail = checkSpec(testEmailForm(zh), { toAddress: 'a b@example.com', subject: 'Hi', bodyFormat: 'text', body: 'Hello', tagName: 'x.y' }, zh);
      assert.deepEqual(testEmail, {
        toAddress: '“@”前面的部分只能包含字母、数字、“_”、“-”、“+”和“.”；请删除空格。',
        tagName: '标签名称只能包含字母、数字、“_”和“-”；请删除“.”。',
      });
      const plan = planImport(parseCsv('email,UserName\nann@example.com,Ann\nbob@,Bob\n'), zh);
      assert.deepEqual(plan.rejected.map((r) => [r.row, r.reason]), [[3, '邮件地址的格式应为 name@example.com（只有一个“@”，且两侧都有内容）。']]);
      // A row the CSV reader could not read is explained in the same language.
      const broken = planImport(parseCsv('email,UserName\n"ann@example.com,Ann\n'), zh);
      assert.deepEqual(broken.rejected.map((r) => [r.row, r.reason]), [[2, '一个带引号的值没有结束（有 " 但缺少与之配对的 "）；请补上引号或将其删除。']]);
    });
  });
});
