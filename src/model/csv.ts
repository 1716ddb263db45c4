// A small RFC 4180 CSV reader and writer (no dependency). Quoted fields may hold commas, quotes ("") and line
// breaks; a leading BOM is dropped; CRLF, LF and lone CR all end a record. The reader never gives up on the rest
// of a file: a stray quote (never closed, or closed with text after it) spoils only the record where it stands
// (reported, then reading resumes on the next line), so one broken row cannot swallow the rows after it.
// The writer guards every value against formula injection with a leading apostrophe (see neutralise); the reader
// takes that apostrophe off again, so what the extension writes reads back exactly.
import { english, type Translate } from '../shared/translate';


export interface CsvRecord {
  /** The file line (1-based) where the record starts; differs from the record number when a value has line breaks. */
  line: number;
  fields: string[];
  /** Set when the record could not be read as written; `fields` then holds what was read up to the problem. */
  problem?: CsvProblem;
}

/** A blank line (one empty value). Kept as a record so record numbers match a spreadsheet's rows. */
export const isBlank = (r: CsvRecord): boolean => r.fields.length === 1 && r.fields[0] === '' && !r.problem;

/** Why a record could not be read as written. */
export const UNCLOSED_QUOTE = 'unclosedQuote';
export const TEXT_AFTER_QUOTE = 'textAfterQuote';
export type CsvProblem = typeof UNCLOSED_QUOTE | typeof TEXT_AFTER_QUOTE;

/** A reading problem in words that say how to fix the file (literal translator calls, so the bundle check sees them). */
export function csvProblemText(problem: CsvProblem, t: Translate = english): string {
  switch (problem) {
    case UNCLOSED_QUOTE:
      return t('A quoted value is never closed (a " without its closing "); close the quote or remove it.');
    case TEXT_AFTER_QUOTE:
      return t('A quoted value has text after its closing quote; put the whole value in quotes and write each " inside it as "".');
  }
}

/** Splits CSV text into records, one per row as a spreadsheet shows them (blank lines included, see isBlank). */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const read = readRecord(src, pos);
    if (read.problem) {
      // Resume on the line after the record's start: rows a stray quote swallowed are read again. The broken
      // record shows its first line split at commas, which is what a person sees in the file.
      const next = nextLineStart(src, pos);
      const firstLine = src.slice(pos, next.pos).replace(/\r?\n$|\r$/, '');
      records.push({ line, fields: firstLine.split(','), problem: read.problem });
      pos = next.pos;
      line += next.breaks;
      continue;
    }
    records.push({ line, fields: read.fields.map(unneutralise) });
    pos = read.end;
    line += read.breaks;
  }
  return records;
}

interface ReadResult {
  fields: string[];
  /** Offset after the record's line break. */
  end: number;
  /** Line breaks consumed, including those inside quoted values. */
  breaks: number;
  problem?: CsvProblem;
}

function readRecord(src: string, start: number): ReadResult {
  const fields: string[] = [];
  let field = '';
  let pos = start;
  let breaks = 0;
  for (;;) {
    if (pos >= src.length) {
      fields.push(field);
      return { fields, end: pos, breaks };
    }
    const ch = src[pos];
    if (ch === '"' && field === '') {
      // A quoted value: read to the closing quote ("" stands for one quote).
      pos++;
      for (;;) {
        if (pos >= src.length) {
          fields.push(field);
          return { fields, end: pos, breaks, problem: UNCLOSED_QUOTE };
        }
        const c = src[pos];
        if (c === '"') {
          if (src[pos + 1] === '"') {
            field += '"';
            pos += 2;
            continue;
          }
          pos++;
          const after = src[pos];
          if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
            // Across a line break this is almost always an opening quote never closed, paired with a later one.
            return { fields, end: pos, breaks, problem: breaks > 0 ? UNCLOSED_QUOTE : TEXT_AFTER_QUOTE };
          }
          break;
        }
        if (c === '\r' || c === '\n') {
          if (c === '\r' && src[pos + 1] === '\n') {
            field += '\r\n';
            pos += 2;
          } else {
            field += c;
            pos++;
          }
          breaks++;
          continue;
        }
        field += c;
        pos++;
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      pos++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      fields.push(field);
      const end = ch === '\r' && src[pos + 1] === '\n' ? pos + 2 : pos + 1;
      return { fields, end, breaks: breaks + 1 };
    }
    field += ch;
    pos++;
  }
}

function nextLineStart(src: string, from: number): { pos: number; breaks: number } {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\n') return { pos: i + 1, breaks: 1 };
    if (src[i] === '\r') return { pos: src[i + 1] === '\n' ? i + 2 : i + 1, breaks: 1 };
  }
  return { pos: src.length, breaks: 0 };
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a CR
 * as a formula, and a formula can reach the network or start programs (DDE). Every such value is written with a
 * leading apostrophe, which spreadsheets read as "this is text". A value that already starts with apostrophes
 * before such a character gets one more, so the reader can take exactly one off and every value round-trips.
 *
 * A plain number with a sign ("-12", "+8613800000000", "-0.5") is left alone: digits after a sign cannot call a
 * function or reach anything, and the apostrophe would turn every negative amount into text and show a phone
 * number with a stray "'" in front. Anything else after the sign ("+1-2", "-1+cmd|' /C calc'!A0") is prefixed.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-][0-9]+(\.[0-9]+)?$/;

function neutralise(value: string): string {
  return FORMULA_START.test(value) && !SIGNED_NUMBER.test(value) ? `'${value}` : value;
}

/** The value as it was before neutralise() (for the reader): one apostrophe before a formula character comes off. */
export function unneutralise(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** One value, neutralised against formula injection, quoted only when it must be (comma, quote, line break, or leading/trailing space). */
export function csvValue(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends (what spreadsheets expect). Every CSV the extension writes goes through here. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvValue).join(',')).join('\r\n') + '\r\n';
}
