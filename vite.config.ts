import { defineConfig, type Plugin } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { resolve } from 'node:path';

// One manifest template (./manifest.json) for both browsers: keys prefixed {{chrome}}. or
// {{firefox}}. go only to that browser's build. scripts/build.mjs runs this config once per
// browser with CAVEAT_BROWSER set; the output goes to dist/<browser>.
const browser = process.env.CAVEAT_BROWSER === 'firefox' ? 'firefox' : 'chrome';
const root = resolve(import.meta.dirname, 'src/extension');

/**
 * Removes the HTML-string sinks of libraries we bundle, so no page text can ever be parsed as
 * markup in the extension (and Firefox's linter, rightly, has nothing to warn about):
 * - preact (popup and options pages): `dangerouslySetInnerHTML`, which Caveat never uses, now throws.
 * - Readability, not bundled today (the content script reads pages without it; the eval uses it
 *   in Node), kept here so that bringing it back cannot bring its sinks: on its private clone of
 *   the page, the retry loop restores the body from a node clone instead of an HTML string, and
 *   a <noscript> image is parsed with the inert DOMParser instead of innerHTML.
 * Each rewrite must match exactly once: a library upgrade that changes the code fails the build
 * instead of silently shipping the sink.
 */
function removeHtmlSinks(): Plugin {
  const rewrites: Array<{ file: RegExp; find: RegExp; replace: string }> = [
    {
      file: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/,
      find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
      replace: '(function(){throw new Error("dangerouslySetInnerHTML is disabled in Caveat")})()',
    },
    {
      file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
      find: /var pageCacheHtml = page\.innerHTML;/,
      replace: 'var pageCacheNodes = page.cloneNode(true);',
    },
    {
      file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
      find: /page\.innerHTML = pageCacheHtml;/,
      replace: 'page.replaceChildren(...pageCacheNodes.cloneNode(true).childNodes);',
    },
    {
      file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
      find: /tmp\.innerHTML = noscript\.innerHTML;/,
      replace:
        // A page parsed with scripts on keeps <noscript> content as raw text; one parsed
        // without keeps elements. Either way the nodes are built without an HTML sink.
        'tmp.replaceChildren(...(noscript.children.length ? Array.from(noscript.childNodes, (n) => n.cloneNode(true)) : Array.from(new DOMParser().parseFromString(noscript.textContent, "text/html").body.childNodes, (n) => doc.importNode(n, true))));',
    },
  ];
  return {
    name: 'caveat-remove-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      let out = code;
      for (const rewrite of rewrites) {
        if (!rewrite.file.test(id)) continue;
        if (!rewrite.find.test(out)) this.error(`expected code not found in ${id}: ${rewrite.find} (library upgraded?)`);
        out = out.replace(rewrite.find, rewrite.replace);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}

export default defineConfig({
  root,
  publicDir: resolve(root, 'public'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist', browser),
    emptyOutDir: true,
    // The content script runs on every page: keep it readable in review but small.
    minify: true,
    sourcemap: false,
    target: ['chrome121', 'firefox142'],
  },
  plugins: [
    removeHtmlSinks(),
    webExtension({
      manifest: resolve(import.meta.dirname, 'manifest.json'),
      browser,
      // The plugin validates against a schema it downloads; the build machine is offline.
      skipManifestValidation: true,
      additionalInputs: ['onboarding.html'],
      disableAutoLaunch: true,
      printSummary: false,
    }),
  ],
});
