/** The viewer's static assets, as strings so they bundle with esbuild and load under vitest. */
import { APP_JS_CORE } from './app-js-core';
import { APP_JS_GALLERY } from './app-js-gallery';
import { APP_JS_PROJECT } from './app-js-project';

export { APP_CSS } from './app-css';
export { INDEX_HTML, VIEWER_CSP, escapeHtml, indexHtml } from './index-html';

/** One file, one scope: the three parts share helpers and run before any data file. */
export const APP_JS = `(function () {\n${APP_JS_CORE}${APP_JS_PROJECT}${APP_JS_GALLERY}})();\n`;
