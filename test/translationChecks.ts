// Shared by the tests that check messages come out in the display language: which literal messages a source file
// passes to its translator, a translator that marks what it produced, and the shipped zh-cn bundle as a translator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { english, type Translate } from '../src/shared/translate';

const ROOT = join(__dirname, '..');

/** Every literal message a source file (path from the repository root) passes to a translator named `t`. */
export function messagesIn(file: string): Set<string> {
  const path = join(ROOT, file);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const keys = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.add(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

/** True when the whole text is one «…» span (markers may nest inside it). */
export function oneSpan(text: string): boolean {
  if (!text.startsWith('«') || !text.endsWith('»')) return false;
  let depth = 0;
  const chars = [...text];
  for (const [i, ch] of chars.entries()) {
    if (ch === '«') depth++;
    if (ch === '»') depth--;
    if (depth === 0 && i < chars.length - 1) return false;
  }
  return depth === 0;
}

/**
 * A translator that wraps what it returns in «…» and shouts its template, recording each template it was given: a
 * sentence built outside it is not one «…» span, and an English word added outside it stays in lower case.
 */
export function marking(): { t: Translate; seen: Set<string> } {
  const seen = new Set<string>();
  return { seen, t: (message, ...args) => (seen.add(message), `«${english(message.toUpperCase(), ...args)}»`) };
}

/** The shipped zh-cn bundle as a translator; a message without a translation fails the test. */
export function zhCn(): Translate {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  return (message, ...args) => {
    const text = bundle[message];
    if (text === undefined) throw new Error(`no zh-cn translation for ${JSON.stringify(message)}`);
    return english(text, ...args);
  };
}
