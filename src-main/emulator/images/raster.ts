/**
 * An 8-bit RGB pixel buffer and the few drawing primitives the synthetic scenes need.
 * Everything works on integer coordinates with exact integer tests, so the same scene
 * rasterises to the same pixels everywhere (see prng.ts for why that matters).
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Row-major pixels, 3 bytes (R, G, B) per pixel, top row first, no row padding. */
export interface RgbImage {
  width: number;
  height: number;
  data: Buffer;
}

export interface Point {
  x: number;
  y: number;
}

export function createRgbImage(width: number, height: number): RgbImage {
  return { width, height, data: Buffer.alloc(width * height * 3) };
}

/** The colour at (x, y); for tests and encoders that sample single pixels. */
export function pixelAt(image: RgbImage, x: number, y: number): Rgb {
  const i = (y * image.width + x) * 3;
  return { r: image.data[i] ?? 0, g: image.data[i + 1] ?? 0, b: image.data[i + 2] ?? 0 };
}

function mix(a: number, b: number, step: number, steps: number): number {
  return a + Math.floor(((b - a) * step) / steps);
}

/**
 * Fills the image with a linear gradient from `from` to `to`. The direction vector is a
 * small integer pair, e.g. (0, 1) top→bottom or (1, 1) top-left→bottom-right.
 */
export function fillGradient(image: RgbImage, from: Rgb, to: Rgb, dx: number, dy: number): void {
  const { width, height, data } = image;
  // Projection of each pixel onto (dx, dy), shifted so the range starts at 0.
  const corners = [0, (width - 1) * dx, (height - 1) * dy, (width - 1) * dx + (height - 1) * dy];
  const low = Math.min(...corners);
  const steps = Math.max(1, Math.max(...corners) - low);
  // Only steps + 1 distinct colours exist: compute each once instead of per pixel.
  const ramp = Buffer.alloc((steps + 1) * 3);
  for (let s = 0; s <= steps; s += 1) {
    ramp[s * 3] = mix(from.r, to.r, s, steps);
    ramp[s * 3 + 1] = mix(from.g, to.g, s, steps);
    ramp[s * 3 + 2] = mix(from.b, to.b, s, steps);
  }
  for (let y = 0; y < height; y += 1) {
    let out = y * width * 3;
    let s = y * dy - low;
    for (let x = 0; x < width; x += 1, s += dx, out += 3) {
      const k = s * 3;
      data[out] = ramp[k] ?? 0;
      data[out + 1] = ramp[k + 1] ?? 0;
      data[out + 2] = ramp[k + 2] ?? 0;
    }
  }
}

function setSpan(image: RgbImage, y: number, x0: number, x1: number, colour: Rgb): void {
  // Callers clip; spans are inclusive of both ends.
  const row = y * image.width * 3;
  for (let i = row + x0 * 3, end = row + x1 * 3; i <= end; i += 3) {
    image.data[i] = colour.r;
    image.data[i + 1] = colour.g;
    image.data[i + 2] = colour.b;
  }
}

export function fillRect(image: RgbImage, x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
  const left = Math.max(0, Math.min(x0, x1));
  const right = Math.min(image.width - 1, Math.max(x0, x1));
  const top = Math.max(0, Math.min(y0, y1));
  const bottom = Math.min(image.height - 1, Math.max(y0, y1));
  for (let y = top; y <= bottom; y += 1) {
    if (left <= right) setSpan(image, y, left, right, colour);
  }
}

/** A filled disc: every pixel whose centre is within `radius` of (cx, cy). */
export function fillCircle(image: RgbImage, cx: number, cy: number, radius: number, colour: Rgb): void {
  const r2 = radius * radius;
  const top = Math.max(0, cy - radius);
  const bottom = Math.min(image.height - 1, cy + radius);
  for (let y = top; y <= bottom; y += 1) {
    const dy = y - cy;
    // Widest integer half-span with dx² + dy² ≤ r²; found by integer search so no sqrt.
    let half = Math.floor(Math.sqrt(r2 - dy * dy));
    // sqrt is exactly rounded by IEEE 754, but correct both ways to stay integer-exact.
    while (half * half + dy * dy > r2) half -= 1;
    while ((half + 1) * (half + 1) + dy * dy <= r2) half += 1;
    const left = Math.max(0, cx - half);
    const right = Math.min(image.width - 1, cx + half);
    if (left <= right) setSpan(image, y, left, right, colour);
  }
}

function edge(a: Point, b: Point, px: number, py: number): number {
  return (b.x - a.x) * (py - a.y) - (b.y - a.y) * (px - a.x);
}

/** A filled triangle (either winding), via exact integer edge functions. */
export function fillTriangle(image: RgbImage, a: Point, b: Point, c: Point, colour: Rgb): void {
  const area = edge(a, b, c.x, c.y);
  if (area === 0) return;
  const sign = area > 0 ? 1 : -1;
  const left = Math.max(0, Math.min(a.x, b.x, c.x));
  const right = Math.min(image.width - 1, Math.max(a.x, b.x, c.x));
  const top = Math.max(0, Math.min(a.y, b.y, c.y));
  const bottom = Math.min(image.height - 1, Math.max(a.y, b.y, c.y));
  for (let y = top; y <= bottom; y += 1) {
    // A triangle row is one span: find its ends, then fill it in one go.
    let first = -1;
    let last = -1;
    for (let x = left; x <= right; x += 1) {
      const inside =
        sign * edge(a, b, x, y) >= 0 && sign * edge(b, c, x, y) >= 0 && sign * edge(c, a, x, y) >= 0;
      if (inside) {
        if (first < 0) first = x;
        last = x;
      } else if (first >= 0) {
        break;
      }
    }
    if (first >= 0) setSpan(image, y, first, last, colour);
  }
}

/**
 * HSV to RGB in integers: hue in degrees [0, 360), saturation and value in [0, 255].
 * Used so colours can be chosen by hue (a label's "family") and still stay exact.
 */
export function hsv(hue: number, saturation: number, value: number): Rgb {
  const h = ((hue % 360) + 360) % 360;
  const sector = Math.floor(h / 60);
  const f = h - sector * 60; // 0..59
  const p = Math.floor((value * (255 - saturation)) / 255);
  const q = Math.floor((value * (255 * 60 - saturation * f)) / (255 * 60));
  const t = Math.floor((value * (255 * 60 - saturation * (60 - f))) / (255 * 60));
  const v = value;
  switch (sector) {
    case 0:
      return { r: v, g: t, b: p };
    case 1:
      return { r: q, g: v, b: p };
    case 2:
      return { r: p, g: v, b: t };
    case 3:
      return { r: p, g: q, b: v };
    case 4:
      return { r: t, g: p, b: v };
    default:
      return { r: v, g: p, b: q };
  }
}
