/**
 * Composes the picture for one synthetic image: a two-colour gradient background and a
 * handful of circles, rectangles and triangles. The seed decides the layout; the label
 * (a tag name) decides a "theme" — a dominant hue and shape — so that, in a gallery,
 * images of the same tag visibly belong together while each one is still different.
 */
import { createPrng, foldSeed, hashString, type Prng } from './prng';
import { createRgbImage, fillCircle, fillGradient, fillRect, fillTriangle, hsv, type Rgb, type RgbImage } from './raster';

export interface SceneSpec {
  seed: number;
  width: number;
  height: number;
  label?: string;
}

export const SHAPE_KINDS = ['circle', 'rectangle', 'triangle'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** What a label contributes to every image carrying it. */
export interface SceneTheme {
  hue: number;
  shape: ShapeKind;
}

/**
 * Hues come in 12 steps of 30°: two labels then either share a hue or differ clearly,
 * instead of landing a barely distinguishable 5° apart. With the 3 shapes that makes 36
 * themes.
 */
const HUE_STEPS = 12;

/** The theme of a label; images without a label get one from their own seed instead. */
export function themeForLabel(label: string): SceneTheme {
  const hash = hashString(label);
  return {
    hue: (hash % HUE_STEPS) * (360 / HUE_STEPS),
    shape: SHAPE_KINDS[Math.floor(hash / HUE_STEPS) % SHAPE_KINDS.length] ?? 'circle',
  };
}

const GRADIENT_DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [1, 0],
  [1, 1],
  [1, -1],
];

/** `central` keeps the centre in the middle half of the image, so the shape stays in view. */
function drawShape(image: RgbImage, rng: Prng, kind: ShapeKind, size: number, colour: Rgb, central = false): void {
  const { width, height } = image;
  const cx = central ? rng.int(Math.floor(width / 4), Math.floor((3 * width) / 4)) : rng.int(0, width - 1);
  const cy = central ? rng.int(Math.floor(height / 4), Math.floor((3 * height) / 4)) : rng.int(0, height - 1);
  const half = Math.max(1, Math.floor(size / 2));
  switch (kind) {
    case 'circle':
      fillCircle(image, cx, cy, half, colour);
      return;
    case 'rectangle': {
      const hw = rng.int(Math.floor((half * 2) / 3), half);
      const hh = rng.int(Math.floor((half * 2) / 3), half);
      fillRect(image, cx - hw, cy - hh, cx + hw, cy + hh, colour);
      return;
    }
    case 'triangle': {
      // An isosceles-ish triangle pointing up, down, left or right, with some jitter.
      const jitter = (): number => rng.int(-Math.floor(half / 4), Math.floor(half / 4));
      const tip = { along: -half, across: jitter() };
      const baseA = { along: half, across: -half + jitter() };
      const baseB = { along: half, across: half + jitter() };
      const orientation = rng.int(0, 3);
      const place = (p: { along: number; across: number }): { x: number; y: number } => {
        const flip = orientation % 2 === 0 ? 1 : -1;
        return orientation < 2
          ? { x: cx + p.across, y: cy + flip * p.along }
          : { x: cx + flip * p.along, y: cy + p.across };
      };
      fillTriangle(image, place(tip), place(baseA), place(baseB), colour);
      return;
    }
  }
}

/** Renders the scene for a spec. Pure: the same spec always gives the same pixels. */
export function renderScene(spec: SceneSpec): RgbImage {
  const { width, height } = spec;
  const rng = createPrng(foldSeed(spec.seed));
  const theme = spec.label !== undefined ? themeForLabel(spec.label) : { hue: rng.int(0, 359), shape: rng.pick(SHAPE_KINDS) };
  const image = createRgbImage(width, height);

  // A calm background near the theme's complementary hue, so the shapes stand out.
  const backHue = theme.hue + rng.int(150, 210);
  const from = hsv(backHue, rng.int(30, 90), rng.int(200, 250));
  const to = hsv(backHue + rng.int(-40, 40), rng.int(60, 140), rng.int(90, 170));
  const [dx, dy] = rng.pick(GRADIENT_DIRECTIONS);
  fillGradient(image, from, to, dx, dy);

  const span = Math.min(width, height);
  // One large shape of the theme first, so the tag's look dominates every thumbnail.
  drawShape(image, rng, theme.shape, Math.floor((span * rng.int(40, 60)) / 100), themeColour(rng, theme.hue), true);
  const extras = rng.int(2, 6);
  for (let i = 0; i < extras; i += 1) {
    const onTheme = rng.int(0, 1) === 0;
    const kind = onTheme ? theme.shape : rng.pick(SHAPE_KINDS);
    const colour = onTheme ? themeColour(rng, theme.hue) : hsv(rng.int(0, 359), rng.int(80, 200), rng.int(80, 230));
    drawShape(image, rng, kind, Math.floor((span * rng.int(8, 30)) / 100), colour);
  }
  return image;
}

function themeColour(rng: Prng, hue: number): Rgb {
  return hsv(hue + rng.int(-8, 8), rng.int(170, 255), rng.int(150, 255));
}
