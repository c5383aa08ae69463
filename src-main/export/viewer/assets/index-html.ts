/**
 * index.html at the bundle root. The CSP admits only files from the bundle ('self'
 * matches file: URLs in Chromium, checked in test/e2e/viewer.spec.ts) plus data: images;
 * there is no inline script or style, so nothing injected into the page could run.
 *
 * The page's own words are in the bundle's language (src-main/i18n, namespace `viewer`),
 * HTML-escaped here; app.js gets the rest of its words from viewer/data/bundle.js.
 */
import type { Language } from '../../../../shared/model/preferences';
import { mainTranslator } from '../../../i18n';

export const VIEWER_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// Placeholders that become <code> elements: translated text is escaped first, then these
// markers (private-use characters escapeHtml leaves alone and no catalogue holds) are swapped for the markup.
const OPEN = '\ue000';
const CLOSE = '\ue001';
const code = (text: string): string => `${OPEN}${text}${CLOSE}`;
const withCode = (text: string): string => escapeHtml(text).replace(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g'), '<code>$1</code>');

export function indexHtml(language: Language): string {
  const t = mainTranslator(language, 'viewer');
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t('page.title'))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="viewer/app.css">
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t('page.skip'))}</a>
<header>
<h1>${escapeHtml(t('page.heading'))}</h1>
<p id="source"></p>
</header>
<div class="layout">
<nav id="nav" aria-label="${escapeHtml(t('page.navLabel'))}"></nav>
<main id="main" tabindex="-1">
<p>${withCode(t('page.loading', { viewerFolder: code('viewer/') }))}
${withCode(t('page.plainFiles', { manifest: code('manifest.json'), projectsFolder: code(`projects/<${t('page.projectId')}>/`) }))}</p>
</main>
</div>
<script src="viewer/app.js"></script>
<script src="viewer/data/bundle.js"></script>
</body>
</html>
`;
}

/** The English page (what bundles written before the language choice hold). */
export const INDEX_HTML = indexHtml('en');
