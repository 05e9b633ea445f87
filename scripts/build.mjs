// Builds the extension for Chrome and Firefox from the one manifest template:
// dist/chrome and dist/firefox, each loadable unpacked. Usage: node scripts/build.mjs [chrome|firefox]
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const requested = process.argv.slice(2);
const browsers = requested.length > 0 ? requested : ['chrome', 'firefox'];

for (const browser of browsers) {
  if (browser !== 'chrome' && browser !== 'firefox') {
    console.error(`unknown browser "${browser}" (chrome or firefox)`);
    process.exit(2);
  }
  // vite.config.ts reads the target from the environment: the plugin takes it at config time.
  process.env.CAVEAT_BROWSER = browser;
  await build({ configFile, logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${browser}`);
}
