// The page's translations: the extension writes vscode.l10n.bundle into the HTML (src/webviews/html.ts); this
// reads and checks it and hands it to @vscode/l10n before any page code runs, so every l10n.t(…) in the page
// and in the shared form specs gives the display language's words. Without a bundle (English) l10n.t only
// fills the `{0}` holes, exactly like the model's `english` translator.
import * as l10n from '@vscode/l10n';
import { L10N_BUNDLE_ELEMENT, l10nBundleSchema } from '../../src/shared/protocol';
import type { Translate } from '../../src/shared/translate';

function readBundle(): unknown {
  const text = document.getElementById(L10N_BUNDLE_ELEMENT)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const parsed = l10nBundleSchema.safeParse(readBundle());
if (parsed.success) l10n.config({ contents: parsed.data });

export { l10n };

/** l10n.t as the model's translator, for the shared form specs and checks. */
export const translate: Translate = l10n.t;

/**
 * A translated sentence with elements in its `{0}`, `{1}`… holes (e.g. a <code> zone name), so the translation
 * can move them where its grammar needs them.
 */
export function withNodes(template: string, ...nodes: Node[]): Array<Node | string> {
  return template.split(/(\{\d+\})/).filter(Boolean).map((part) => {
    const hole = /^\{(\d+)\}$/.exec(part);
    return hole && nodes[Number(hole[1])] ? nodes[Number(hole[1])] : part;
  });
}
