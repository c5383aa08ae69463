/**
 * index.html at the bundle root. The CSP admits only files from the bundle ('self'
 * matches file: URLs in Chromium, checked in test/e2e/viewer.spec.ts) plus data: images;
 * there is no inline script or style, so nothing injected into the page could run.
 */
export const VIEWER_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

export const INDEX_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>CV Steward export</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="viewer/app.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<h1>CV Steward export bundle</h1>
<p id="source"></p>
</header>
<div class="layout">
<nav id="nav" aria-label="Bundle contents"></nav>
<main id="main" tabindex="-1">
<p>Loading the bundle… If this message stays, JavaScript is off or the <code>viewer/</code> folder is missing.
Everything is also in plain files: <code>manifest.json</code> lists every file, and <code>projects/&lt;project id&gt;/</code>
holds each project's records (JSON) and original images.</p>
</main>
</div>
<script src="viewer/app.js"></script>
<script src="viewer/data/bundle.js"></script>
</body>
</html>
`;
