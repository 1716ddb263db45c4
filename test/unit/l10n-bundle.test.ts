// The zh-cn bundle against the sources: every message the extension, the model and the webview pages pass to a
// translator (`vscode.l10n.t`, the pages' `l10n.t`, the model's `t`) has a translation, every translation belongs
// to a message some source still uses, and a translation keeps the message's `{0}` holes. Reads the sources with
// the TypeScript parser, so the keys are the literal strings the code passes, escapes resolved.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['src', 'media'];
const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `t(…)`, `l10n.t(…)` or `vscode.l10n.t(…)`. */
function isTranslatorCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'l10n';
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n' && ts.isIdentifier(owner.expression) && owner.expression.text === 'vscode';
}

interface Use {
  key: string;
  at: string;
}

/** Every translator call's message, and the calls whose message is not a literal (their key cannot be checked). */
function scan(): { uses: Use[]; dynamic: string[] } {
  const uses: Use[] = [];
  const dynamic: string[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isTranslatorCall(node) && node.arguments.length > 0) {
        const first = node.arguments[0];
        const at = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) uses.push({ key: first.text, at });
        else dynamic.push(`${at}: ${node.getText().slice(0, 80)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, dynamic };
}

const holes = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('zh-cn l10n bundle', () => {
  const bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
  const { uses, dynamic } = scan();

  it('finds the translator calls of the extension, the model and every webview page', () => {
    // Guards the scan itself: if the parser stopped seeing calls, the checks below would pass on nothing.
    const files = new Set(uses.map((u) => u.at.split(':')[0].replace(/\\/g, '/')));
    for (const expected of ['media/dns/main.ts', 'media/account/main.ts', 'media/form/main.ts', 'media/importReport/main.ts', 'src/shared/formSpecs.ts', 'src/shared/testEmailSpec.ts', 'src/model/dnsRecords.ts', 'src/model/recipientImport.ts', 'src/model/sendRefusal.ts', 'src/api/validation.ts', 'src/api/client.ts', 'src/api/rpcCaller.ts', 'src/api/errors.ts', 'src/api/trust.ts', 'src/api/network.ts']) {
      assert.ok(files.has(expected), `no translator call found in ${expected}`);
    }
  });

  it('passes every translator a literal message, so its key is known', () => {
    assert.deepEqual(dynamic, []);
  });

  it('has a Chinese translation for every message', () => {
    const missing = [...new Map(uses.filter((u) => !(u.key in bundle)).map((u) => [u.key, u.at])).entries()].map(([key, at]) => `${at}: ${key}`);
    assert.deepEqual(missing, []);
  });

  it('has no translation for a message no source uses', () => {
    const used = new Set(uses.map((u) => u.key));
    assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), []);
  });

  it('keeps every placeholder of the message in its translation, and translates it', () => {
    const wrong = Object.entries(bundle).filter(([key, value]) => value.trim() === '' || holes(key).join() !== holes(value).join());
    assert.deepEqual(wrong.map(([key, value]) => `${key} => ${value}`), []);
  });
});
