// Edge cases of the model that a user meets rarely but must not see wrong: a quoted value at the very end of a
// file, old Mac line ends after a broken row, a value that merely contains an apostrophe, a domain status this
// version does not know, rows reported in row order whichever way they were refused, a short row, a sender given
// as a domain, and a DNS record without a purpose in the Markdown table.
import * as assert from 'node:assert/strict';
import { DomainStatus } from '../../src/api/types';
import { TEXT_AFTER_QUOTE, parseCsv, unneutralise } from '../../src/model/csv';
import { domainStateOfSummary } from '../../src/model/domainState';
import { planImport, runImport } from '../../src/model/recipientImport';
import { explainSendRefusal } from '../../src/model/sendRefusal';
import { toMarkdownTable } from '../../src/model/zoneFile';

describe('Model edge cases', () => {
  it('CSV: a quoted value at the very end of the file (no line break) is read without a problem', () => {
    assert.deepEqual(parseCsv('a,"b"').map((r) => [r.fields, r.problem]), [[['a', 'b'], undefined]]);
  });

  it('CSV: a quoted value keeps two LF line breaks in a row as they are', () => {
    assert.deepEqual(parseCsv('"a\n\nb",c\n').map((r) => r.fields), [['a\n\nb', 'c']]);
  });

  it('CSV: after a broken row, reading resumes on the next line with CR line ends too', () => {
    const records = parseCsv('"a"b,c\rnext,1\rlast,2');
    assert.deepEqual(records.map((r) => [r.line, r.fields, r.problem]), [[1, ['"a"b', 'c'], TEXT_AFTER_QUOTE], [2, ['next', '1'], undefined], [3, ['last', '2'], undefined]]);
  });

  it('CSV: only a leading apostrophe before a formula character comes off', () => {
    assert.equal(unneutralise("'=SUM(A1)"), '=SUM(A1)');
    assert.equal(unneutralise("it's =fine"), "it's =fine");
    assert.equal(unneutralise("a'=b"), "a'=b");
  });

  it('a domain status this version does not know is "partly", never "verified"', () => {
    assert.equal(domainStateOfSummary({ domainStatus: DomainStatus.Unknown }), 'partly');
  });

  it('import: rows refused before sending and by the service come back in row order; a short row has no address', async () => {
    const plan = planImport(parseCsv(['UserName,email', 'Ann,a@example.com', 'Bob,b@example.com', 'Cy', 'Di,not-an-address'].join('\n')));
    assert.deepEqual(plan.rejected.map((r) => [r.row, r.reason]), [[4, 'The email value is empty.'], [5, 'An email address must look like name@example.com (one "@" with text on both sides).']]);
    const run = await runImport(plan, async () => ({ successCount: 1, errorCount: 1, errors: [{ email: 'a@example.com', message: 'refused' }] }));
    assert.deepEqual(run.rejected.map((r) => r.row), [2, 4, 5]);
    assert.deepEqual(run.added.map((r) => r.row), [3]);
  });

  it('a sender given as a domain (random account) is named as that domain', () => {
    const text = explainSendRefusal('InvalidMailAddressDomain.Malformed', { sender: 'mail.example.com', recipients: 1 })?.text ?? '';
    assert.match(text, /^The domain mail\.example\.com of mail\.example\.com is not verified/);
  });

  it('Markdown table: a record without a purpose has an empty first cell', () => {
    assert.equal(toMarkdownTable('example.com', [{ type: 'TXT', host: '@', value: 'v' }]).split('\n')[2], '|  | TXT | @ | example.com. | v |  |');
  });
});
