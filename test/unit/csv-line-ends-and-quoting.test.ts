// CSV files come from every spreadsheet: LF, CRLF or old Mac CR line ends, quoted values with line breaks, and
// values that need quotes when written back (a leading or trailing space, a comma, a quote, a line break).
import * as assert from 'node:assert/strict';
import { TEXT_AFTER_QUOTE, csvValue, parseCsv, toCsv } from '../../src/model/csv';

const read = (text: string) => parseCsv(text).map((r) => [r.line, r.fields, r.problem]);

describe('CSV line ends and quoting', () => {
  it('reads LF, CRLF and CR line ends alike, with the file line of each record', () => {
    const expected = [[1, ['a', 'b'], undefined], [2, ['c', 'd'], undefined]];
    assert.deepEqual(read('a,b\nc,d\n'), expected);
    assert.deepEqual(read('a,b\r\nc,d\r\n'), expected);
    assert.deepEqual(read('a,b\rc,d\r'), expected);
    assert.deepEqual(read('a,b\rc,d'), expected);
  });

  it('a quoted value keeps its line breaks (CR, LF, CRLF) and the next record starts on the right line', () => {
    assert.deepEqual(read('"x\r\ny",z\nnext,1\n'), [[1, ['x\r\ny', 'z'], undefined], [3, ['next', '1'], undefined]]);
    assert.deepEqual(read('"x\ry",z\rnext,1'), [[1, ['x\ry', 'z'], undefined], [3, ['next', '1'], undefined]]);
    assert.deepEqual(read('"a""b",c\n'), [[1, ['a"b', 'c'], undefined]]);
  });

  it('a quoted value followed by more text is a problem; a quoted value at a line end is not', () => {
    const [bad] = parseCsv('"a"b,c\nok,1\n');
    assert.equal(bad.problem, TEXT_AFTER_QUOTE);
    assert.deepEqual(read('"a"\r\n"b"\r"c"\n'), [[1, ['a'], undefined], [2, ['b'], undefined], [3, ['c'], undefined]]);
  });

  it('writes a value holding a lone LF or a lone CR in quotes, so it reads back as one value', () => {
    const written = toCsv([['a\nb', 'c\rd', 'e']]);
    assert.equal(written, '"a\nb","c\rd",e\r\n');
    assert.deepEqual(read(written), [[1, ['a\nb', 'c\rd', 'e'], undefined]]);
  });

  it('a quote inside an unquoted value is text, while a broken quoted value later in the row spoils only that row', () => {
    assert.deepEqual(read('ab"c,x\n'), [[1, ['ab"c', 'x'], undefined]]);
    assert.deepEqual(read('ab"c,"x"y\nok,1\n').map(([line, , problem]) => [line, problem]), [[1, TEXT_AFTER_QUOTE], [2, undefined]]);
    // The quoted value runs over a line end and has text after its closing quote: the row is reported, and the line
    // it ran into is read again as a row of its own.
    const rows = read('ab"c,"x\ny"z\nok,1\n');
    assert.deepEqual(rows.map(([line, , problem]) => [line, problem !== undefined]), [[1, true], [2, false], [3, false]]);
    assert.deepEqual(rows[2], [3, ['ok', '1'], undefined]);
  });

  it('quotes a value only when it must', () => {
    assert.equal(csvValue('plain'), 'plain');
    assert.equal(csvValue(' lead'), '" lead"');
    assert.equal(csvValue('trail '), '"trail "');
    assert.equal(csvValue('mid dle'), 'mid dle');
    assert.equal(csvValue('a,b'), '"a,b"');
    assert.equal(csvValue('say "x"'), '"say ""x"""');
    assert.equal(csvValue('two\nlines'), '"two\nlines"');
    assert.equal(toCsv([['a', 'b c'], ['', 'd']]), 'a,b c\r\n,d\r\n');
  });
});
