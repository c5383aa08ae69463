/**
 * The keyboard walker used by keyboard.spec.ts: presses Tab from the top of a page until
 * focus wraps, records each stop (role, accessible name, box, focus style), and checks the
 * walk against what the page shows. Generic on purpose: it finds the page's controls
 * itself, so a button or a Settings section added later is walked without a spec change.
 *
 * Everything it reads in the page goes through one function (`inPage`), serialised by
 * Playwright, so it must not refer to anything outside itself.
 */
import type { Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Stop {
  /** Stable per element for the page's life (a WeakMap in the page), never written into the DOM. */
  id: number;
  role: string;
  name: string;
  /** 0 skip link, 1 above the body (banner), 2 navigation, 3 content column, 4 below the body. */
  group: number;
  /** Layout position: viewport box plus every scroll offset, so scrolling does not move it. */
  box: Box;
  /** Inside a virtualised list's scroll box: rows there come and go as focus moves. */
  inVirtual: boolean;
  /** A scroll container Chromium makes focusable on its own (keyboard-focusable scrollers). */
  scroller: boolean;
  /** For the checks below: the radio group's name, when it is a radio. */
  radioGroup: string | null;
  checked: boolean;
  focus?: FocusLook;
}

export interface FocusLook {
  /** outline / box-shadow as computed while focused. */
  indicator: string;
  visible: boolean;
  /** Contrast of the indicator's colour with what is behind it (null: not measurable, e.g. outline auto). */
  contrast: number | null;
  inViewport: boolean;
}

type Mode = 'focused' | 'candidates';

/** Runs in the page. */
function inPage(mode: Mode): Stop | null | Stop[] {
  type Registry = { map: WeakMap<Element, number>; next: number };
  const holder = window as unknown as { __keyboardWalk?: Registry };
  holder.__keyboardWalk ??= { map: new WeakMap(), next: 1 };
  const registry = holder.__keyboardWalk;
  const idOf = (element: Element): number => {
    let id = registry.map.get(element);
    if (id === undefined) {
      id = registry.next++;
      registry.map.set(element, id);
    }
    return id;
  };

  const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const roleOf = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit.split(' ')[0] ?? explicit;
    const tag = element.tagName.toLowerCase();
    if (tag === 'a') return element.hasAttribute('href') ? 'link' : 'generic';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'select') return (element as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'input') {
      const type = (element as HTMLInputElement).type;
      const roles: Record<string, string> = { checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox', button: 'button', submit: 'button', reset: 'button', file: 'button' };
      return roles[type] ?? (type === 'text' || type === 'email' || type === 'url' || type === 'password' || type === 'tel' ? 'textbox' : `textbox(${type})`);
    }
    return tag;
  };
  const nameOf = (element: Element): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const joined = labelledBy
        .split(/\s+/)
        .map((id) => text(document.getElementById(id)?.textContent))
        .join(' ');
      if (text(joined)) return text(joined);
    }
    const label = element.getAttribute('aria-label');
    if (text(label)) return text(label);
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return text([...labels].map((l) => l.textContent).join(' '));
    const own = element instanceof HTMLElement && !(element instanceof HTMLInputElement) && !(element instanceof HTMLSelectElement) ? element.innerText : '';
    return text(own) || text(element.getAttribute('title')) || text(element.getAttribute('placeholder'));
  };

  const layoutBox = (element: Element) => {
    const rect = element.getBoundingClientRect();
    let x = rect.left + window.scrollX;
    let y = rect.top + window.scrollY;
    // Inner scroll boxes only: the document's own scroll is window.scrollX/Y, counted once above.
    for (let parent = element.parentElement; parent && parent !== document.scrollingElement; parent = parent.parentElement) {
      x += parent.scrollLeft;
      y += parent.scrollTop;
    }
    return { x: Math.round(x), y: Math.round(y), width: Math.round(rect.width), height: Math.round(rect.height) };
  };

  const nav = document.querySelector('nav');
  const body = nav?.parentElement ?? null;
  const groupOf = (element: Element): number => {
    if (element.classList.contains('skip-link')) return 0;
    if (nav?.contains(element)) return 2;
    if (!body) return 3;
    if (body.contains(element)) return 3;
    return body.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 4;
  };
  const isScroller = (element: Element): boolean => {
    if (element.hasAttribute('tabindex') || element.matches('a[href], button, input, select, textarea, summary')) return false;
    const style = getComputedStyle(element);
    return /(auto|scroll)/.test(`${style.overflowX} ${style.overflowY}`);
  };

  const describe = (element: Element): Stop => {
    const radio = element instanceof HTMLInputElement && element.type === 'radio' ? element : null;
    return {
      id: idOf(element),
      role: roleOf(element),
      name: nameOf(element).slice(0, 90),
      group: groupOf(element),
      box: layoutBox(element),
      inVirtual: element.closest('[class*="-virtual-scroll"]') !== null && !element.matches('[class*="-virtual-scroll"]'),
      scroller: isScroller(element),
      radioGroup: radio ? `${radio.form ? idOf(radio.form) : 0}:${radio.name || `#${idOf(radio)}`}` : null,
      checked: radio?.checked ?? false,
    };
  };

  // --- colours, for the focus indicator's contrast ---
  const parse = (colour: string): [number, number, number, number] | null => {
    const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(colour);
    if (!match) return null;
    const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
    return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
  };
  const luminance = ([r, g, b]: [number, number, number, number]) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const backgroundBehind = (element: Element): [number, number, number, number] => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] >= 0.5) return colour;
    }
    return [255, 255, 255, 1];
  };
  const contrast = (a: [number, number, number, number], b: [number, number, number, number]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };

  if (mode === 'candidates') {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]';
    return [...document.querySelectorAll(selector)]
      .filter((element) => {
        if (!(element instanceof HTMLElement)) return false;
        if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) return false;
        if (element.tagName === 'SUMMARY' && element.parentElement?.tagName !== 'DETAILS') return false;
        return element.checkVisibility({ checkVisibilityCSS: true, checkOpacity: false });
      })
      .map(describe);
  }

  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return null;
  const stop = describe(active);
  const style = getComputedStyle(active);
  const outlineWidth = Number.parseFloat(style.outlineWidth) || 0;
  const hasOutline = style.outlineStyle !== 'none' && outlineWidth > 0;
  const hasShadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  // The outline is drawn around the element (with an offset), so it is seen against the parent's background.
  const behind = backgroundBehind(active.parentElement ?? active);
  const ring = hasOutline ? (style.outlineStyle === 'auto' ? null : parse(style.outlineColor)) : hasShadow ? parse(style.boxShadow) : null;
  const rect = active.getBoundingClientRect();
  stop.focus = {
    indicator: hasOutline ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : hasShadow ? `box-shadow ${style.boxShadow}` : 'none',
    visible: hasOutline || hasShadow,
    contrast: ring ? contrast(ring, behind) : null,
    inViewport: rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth && rect.width > 0 && rect.height > 0,
  };
  return stop;
}

export async function focusedStop(page: Page): Promise<Stop | null> {
  return (await page.evaluate(inPage, 'focused' as Mode)) as Stop | null;
}

export async function candidates(page: Page): Promise<Stop[]> {
  return (await page.evaluate(inPage, 'candidates' as Mode)) as Stop[];
}

export const label = (stop: Pick<Stop, 'role' | 'name' | 'box'>) =>
  `${stop.role} "${stop.name}" at (${stop.box.x},${stop.box.y} ${stop.box.width}×${stop.box.height})`;

export interface Walk {
  /** The Tab cycle, starting with the first element in document order. */
  cycle: Stop[];
  /** Where Shift+Tab went, from the cycle's start backwards. */
  backwards: Stop[];
  /** What the page shows as focusable when the walk started. */
  expected: Stop[];
  /** Problems found while walking (a trap, too many presses). */
  problems: string[];
}

/** Presses Tab from the top until focus comes back to where it started, then Shift+Tab all the way back. */
export async function walk(page: Page): Promise<Walk> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const expected = await candidates(page);
  const limit = expected.length * 2 + 20;
  const problems: string[] = [];
  const seen: Stop[] = [];
  let repeat: Stop | null = null;
  for (let press = 0; press < limit && repeat === null; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (stop === null) continue; // Between the last element and the first, focus leaves the page.
    // Tab inside one control (a date field's day, month and year) keeps it focused: one stop.
    if (stop.id === seen.at(-1)?.id) continue;
    if (seen.some((s) => s.id === stop.id)) repeat = stop;
    else seen.push(stop);
  }
  if (repeat === null) problems.push(`focus did not come back to the first element within ${limit} presses of Tab`);
  else if (repeat.id !== seen[0]?.id) problems.push(`focus is trapped: after ${label(seen.at(-1) ?? repeat)} it went back to ${label(repeat)}, not round to the start`);

  // "From the top": the cycle begins with the reachable element that comes first in the document.
  const order = await page.evaluate((ids) => {
    const registry = (window as unknown as { __keyboardWalk: { map: WeakMap<Element, number> } }).__keyboardWalk;
    const all = [...document.querySelectorAll('*')];
    const position = new Map<number, number>();
    all.forEach((element, index) => {
      const id = registry.map.get(element);
      if (id !== undefined && ids.includes(id) && !position.has(id)) position.set(id, index);
    });
    return ids.map((id) => position.get(id) ?? Number.MAX_SAFE_INTEGER);
  }, seen.map((s) => s.id));
  const first = order.indexOf(Math.min(...order));
  const cycle = [...seen.slice(first), ...seen.slice(0, first)];

  // Backwards: focus is on seen[0] (the wrap brought it there); Shift+Tab from it visits the cycle in reverse.
  const backwards: Stop[] = [];
  for (let press = 0; press < limit && backwards.length < seen.length; press += 1) {
    await page.keyboard.press('Shift+Tab');
    const stop = await focusedStop(page);
    if (stop !== null && stop.id !== backwards.at(-1)?.id) backwards.push(stop);
  }
  const start = seen[0];
  return { cycle, backwards: start ? backwards : [], expected, problems };
}

/** Moves focus with Tab (from the top) to the first element whose role and name match. */
export async function tabTo(page: Page, role: string, name: string | RegExp): Promise<Stop> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const limit = (await candidates(page)).length * 2 + 20;
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (stop && stop.role === role && (typeof name === 'string' ? stop.name === name : name.test(stop.name))) return stop;
  }
  throw new Error(`Tab never reached ${role} ${String(name)}`);
}
