// Bundles the extension (Node, CommonJS) and the webview front ends (browser, ESM-free IIFE).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// undici modules the client never reaches: the non-SIMD fallback of the HTTP parser (Node 20+ always has
// WebAssembly SIMD, so undici loads llhttp_simd-wasm), the fetch/FormData body code (the client sends its own
// form-encoded strings), HTTP/2 (never negotiated: allowH2 is off, so ALPN offers http/1.1 only) and SOCKS proxies
// (the network factory accepts http:// and https:// proxies only). Stubbing them keeps ~135 KB out of dist/extension.js.
const LLHTTP_WASM_NAME = 'llhttp_simd.wasm';
const LLHTTP_WASM_FILE = `dist/${LLHTTP_WASM_NAME}`;

const undiciUnused = {
  name: 'undici-unused',
  setup(build) {
    build.onResolve({ filter: /(llhttp\/llhttp-wasm|web\/fetch\/body|client-h2|socks5-proxy-agent|socks5-client)(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'undici-unused' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-unused' }, () => ({ contents: 'module.exports = {}', loader: 'js' }));
    // The HTTP/1.1 client reads only ERROR and TYPE of llhttp's constants (~11 KB of method, status and character
    // tables): those two are taken from the installed module at build time.
    // The HTTP parser itself (WebAssembly) ships as a binary file beside the bundle, read once when undici first
    // needs it: in the bundle it is a base64 string a third larger than the binary (~72 KB of dist/extension.js).
    build.onResolve({ filter: /llhttp\/llhttp_simd-wasm(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'undici-llhttp-wasm' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-llhttp-wasm' }, () => {
      mkdirSync('dist', { recursive: true });
      writeFileSync(LLHTTP_WASM_FILE, createRequire(import.meta.url)('undici/lib/llhttp/llhttp_simd-wasm.js'));
      return { contents: `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(LLHTTP_WASM_NAME)}))`, loader: 'js' };
    });
    build.onResolve({ filter: /llhttp\/constants(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'undici-llhttp-constants' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-llhttp-constants' }, () => {
      const { ERROR, TYPE } = createRequire(import.meta.url)('undici/lib/llhttp/constants.js');
      return { contents: `module.exports = ${JSON.stringify({ ERROR, TYPE })}`, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  plugins: [undiciUnused],
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

// Each media/<name>/main.ts becomes dist/webviews/<name>.js (with its CSS beside it).
const webviewEntries = existsSync('media')
  ? readdirSync('media', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`media/${d.name}/main.ts`))
      .map((d) => ({ in: `media/${d.name}/main.ts`, out: d.name }))
  : [];

/** @type {import('esbuild').BuildOptions} */
const webviews = {
  entryPoints: webviewEntries,
  outdir: 'dist/webviews',
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  loader: { '.ttf': 'file' },
  logLevel: 'warning',
};

// The codicon font and its stylesheet, next to the front ends: the only folder a webview may load from.
function copyCodicons() {
  // A production build starts clean so no source map of an earlier development build gets packaged.
  if (production) rmSync('dist/webviews', { recursive: true, force: true });
  mkdirSync('dist/webviews/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webviews/codicons/${file}`);
  }
}
if (webviewEntries.length) copyCodicons();

const builds = [extension, ...(webviewEntries.length ? [webviews] : [])];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  const results = await Promise.all(builds.map((options) => ({ ...options, metafile: true })).map((options) => esbuild.build(options)));
  const bytes = Object.values(results[0].metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(`esbuild: dist/extension.js ${(bytes / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
  if (production) checkBudgets(results);
}

/**
 * The size budgets of the design (extension bundle 350 KB, each webview page 100 KB, minified): a production build
 * that exceeds one fails, naming the file, so growth is noticed when it happens rather than at packaging.
 */
function checkBudgets(results) {
  const KB = 1024;
  const outputs = results.flatMap((r) => Object.entries(r.metafile.outputs)).filter(([file]) => file.endsWith('.js'));
  const over = [];
  for (const [file, output] of outputs) {
    const budget = file.startsWith('dist/webviews/') ? 100 * KB : 350 * KB;
    if (file.startsWith('dist/webviews/')) console.log(`esbuild: ${file} ${(output.bytes / KB).toFixed(1)} KB (minified)`);
    if (output.bytes > budget) over.push(`${file} is ${(output.bytes / KB).toFixed(1)} KB, over its ${budget / KB} KB budget`);
  }
  if (over.length) {
    console.error(`esbuild: ${over.join('; ')}.`);
    process.exitCode = 1;
  }
}
