#!/usr/bin/env node
// Usage: npm run icons   (node scripts/make-icons.mjs)
//
// Renders assets/icon.svg — the one source image — into every icon the installers need:
//   assets/icons/<n>x<n>.png  Linux (electron-builder's `linux.icon` folder: hicolor sizes
//                             for the .desktop entry, the deb and the AppImage)
//   assets/icon.png           1024×1024, electron-builder makes the macOS .icns from it
//   assets/icon.ico           Windows: the exe, the NSIS installer and uninstaller
// The output is committed, so a build never depends on running this script (nor on the
// native resvg binary being installable on the build machine); run it again after
// changing icon.svg.
//
// Each size is rendered from the vector source rather than scaled down from 1024 px: a
// downscaled bitmap blurs the shield's edges at 16 and 24 px, a fresh render keeps them sharp.
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const assets = fileURLToPath(new URL('../assets/', import.meta.url));
// 16–64 are the small hicolor and taskbar sizes, 128–512 launchers and file managers, 1024
// the Retina size macOS wants for its 512@2x slot.
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// Windows picks from these for the title bar, taskbar, Explorer views and the Start menu;
// 256 is the largest an .ico holds and the size electron-builder requires for NSIS.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];

const svg = readFileSync(path.join(assets, 'icon.svg'));

/** The icon as a square PNG of `size` pixels. */
function render(size) {
  // No fonts: the icon has no text, and skipping the system font scan makes it fast and
  // the same on every machine.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

const pngs = new Map(linuxSizes.concat(icoSizes).map((size) => [size, render(size)]));
const png = (size) => {
  const image = pngs.get(size);
  if (!image) throw new Error(`no ${size}px rendering`);
  return image;
};

mkdirSync(path.join(assets, 'icons'), { recursive: true });
for (const size of linuxSizes) writeFileSync(path.join(assets, 'icons', `${size}x${size}.png`), png(size));
writeFileSync(path.join(assets, 'icon.png'), png(1024));
writeFileSync(path.join(assets, 'icon.ico'), await pngToIco(icoSizes.map(png)));

process.stdout.write(
  `icons: assets/icons/{${linuxSizes.map((s) => `${s}x${s}`).join(',')}}.png, assets/icon.png (1024), assets/icon.ico (${icoSizes.join(', ')})\n`,
);
