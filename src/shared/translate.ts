// The model is free of `vscode`, yet its words are shown to users in two languages. Functions that produce
// user-visible text take a translator with vscode.l10n.t's shape; the default only fills `{0}`-style holes, so
// unit tests and non-VS Code callers get the English text.
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (hole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : hole));
