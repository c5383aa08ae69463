/**
 * Keyboard use: every control reachable and operable by keyboard, in a sensible order, with
 * a visible focus indicator. On each page (and each cleanup step that can be reached
 * without deleting anything) Tab is pressed from the top until focus wraps, and:
 *  (a) every visible, enabled control (links, buttons, inputs, selects, [tabindex>=0];
 *      one radio per group) is reached exactly once per cycle;
 *  (b) the order follows reading order: skip link, navigation, then the content column
 *      top to bottom (same row: left to right);
 *  (c) every stop shows a focus indicator (outline or box-shadow) with at least 3:1
 *      contrast against what is behind it, on screen;
 *  (d) Shift+Tab walks the same cycle backwards.
 * (e) Operability: the demo account is connected, pages are visited and the scan started
 * with Enter and Space only; arrows move within a radio group; Escape closes what opens.
 *
 * The walker (keyboard-walker.ts) finds controls itself, so controls added to a page later
 * are covered without changing this spec. Virtualised lists are walked over the rows they
 * have rendered; rows beyond those are not (the demo's lists are short enough to render whole).
 * A summary of each walk is attached (keyboard-<page>.txt).
 */
import { writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { useSharedHarnessPage } from './shared-page';
import { label, tabTo, walk, type Stop, type Walk } from './keyboard-walker';

/** WCAG 2.2 SC 1.4.11 / 2.4.13: a focus indicator needs 3:1 against its surroundings. */
const MIN_FOCUS_CONTRAST = 3;

// One page lives across the tests (the demo scan is done once).
const shared = useSharedHarnessPage('cvs-e2e-keyboard-', { locale: 'en-US', viewport: { width: 1280, height: 800 } });
const pageErrors = shared.pageErrors;
let page: Page;
test.beforeAll(() => {
  page = shared.page;
});

/** Whether `b` may follow `a` in reading order (same group, or a later one). */
function readingOrderProblem(a: Stop, b: Stop): string | null {
  if (b.group < a.group) return 'goes back to an earlier part of the page';
  if (b.group > a.group || a.inVirtual || b.inVirtual) return null;
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  const sameRow = overlap > Math.min(a.box.height, b.box.height) / 2;
  if (sameRow) return b.box.x + b.box.width <= a.box.x + 1 ? 'goes left within a row' : null;
  return b.box.y + b.box.height <= a.box.y + 1 ? 'goes up the page' : null;
}

/** Every check of one walk, as lines (empty: all good). */
function problemsOf(result: Walk): string[] {
  const { cycle, backwards, expected } = result;
  const problems = [...result.problems];
  const ids = new Set(cycle.map((s) => s.id));

  // (a) reached exactly once: every visible, enabled control (one radio per group).
  const radioStops = new Map<string, Stop[]>();
  for (const stop of expected) {
    if (stop.radioGroup !== null) radioStops.set(stop.radioGroup, [...(radioStops.get(stop.radioGroup) ?? []), stop]);
  }
  for (const stop of expected) {
    if (stop.radioGroup !== null) continue;
    if (!ids.has(stop.id) && !stop.inVirtual) problems.push(`(a) never reached: ${label(stop)}`);
  }
  for (const [, radios] of radioStops) {
    const [firstRadio] = radios;
    if (!firstRadio) continue;
    const reached = radios.filter((r) => ids.has(r.id));
    const checked = radios.find((r) => r.checked);
    if (reached.length !== 1) problems.push(`(a) radio group of ${label(firstRadio)}: ${reached.length} of its radios are Tab stops, expected 1`);
    else if (checked && reached[0]?.id !== checked.id) problems.push(`(a) the Tab stop of a radio group is not its checked radio: ${label(reached[0] ?? firstRadio)}`);
  }
  const expectedIds = new Set(expected.map((s) => s.id));
  for (const stop of cycle) {
    if (!expectedIds.has(stop.id) && !stop.inVirtual) problems.push(`(a) reached an element the page does not show as a control${stop.scroller ? ' (a scroll box: give it a name and tabindex, or keep it unfocusable)' : ''}: ${label(stop)}`);
  }

  // (b) reading order, from the skip link.
  const first = cycle[0];
  if (first && first.group !== 0) problems.push(`(b) the first Tab stop is ${label(first)}, not the skip link`);
  for (let i = 1; i < cycle.length; i += 1) {
    const [a, b] = [cycle[i - 1], cycle[i]];
    if (!a || !b) continue;
    const why = readingOrderProblem(a, b);
    if (why) problems.push(`(b) out of reading order (${why}): ${label(a)} → ${label(b)}`);
  }

  // (c) a visible focus indicator with enough contrast, on screen.
  for (const stop of cycle) {
    const look = stop.focus;
    if (!look) continue;
    if (!look.visible) problems.push(`(c) no focus indicator: ${label(stop)}`);
    else if (look.contrast !== null && look.contrast < MIN_FOCUS_CONTRAST) problems.push(`(c) focus indicator too faint (${look.contrast}:1, ${look.indicator}): ${label(stop)}`);
    if (!look.inViewport) problems.push(`(c) focused but not on screen: ${label(stop)}`);
  }

  // (d) Shift+Tab visits the same cycle backwards.
  const back = backwards.map((s) => s.id).reverse();
  const start = back.indexOf(cycle[0]?.id ?? -1);
  const rotated = start < 0 ? back : [...back.slice(start), ...back.slice(0, start)];
  if (JSON.stringify(rotated) !== JSON.stringify(cycle.map((s) => s.id))) {
    problems.push(`(d) Shift+Tab does not retrace Tab: backwards went ${backwards.map((s) => `${s.role} "${s.name}"`).join(' ← ')}`);
  }
  return problems;
}

/** Walks the page as it is now, attaches the walk, and fails with every problem found. */
async function checkKeyboard(name: string): Promise<Walk> {
  const result = await walk(page);
  const problems = problemsOf(result);
  const summary = [
    `${result.cycle.length} Tab stops (${result.expected.length} controls shown), ${problems.length} problems`,
    ...problems,
    '',
    ...result.cycle.map((s, i) => `${String(i + 1).padStart(3)}. ${label(s)}  [group ${s.group}; ${s.focus?.indicator ?? '?'}; contrast ${s.focus?.contrast ?? 'n/a'}]`),
  ].join('\n');
  const file = test.info().outputPath(`keyboard-${name}.txt`);
  await writeFile(file, summary);
  await test.info().attach(`keyboard-${name}.txt`, { path: file, contentType: 'text/plain' });
  expect(problems, `${name}: keyboard problems\n${summary}`).toEqual([]);
  expect(result.cycle.length, `${name}: the walk found Tab stops`).toBeGreaterThan(5);
  expect(pageErrors, 'the page logged errors').toEqual([]);
  return result;
}

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Goes to a page the keyboard way: Tab to its link in the navigation, then Enter. */
async function goTo(name: string): Promise<void> {
  await tabTo(page, 'link', name);
  await page.keyboard.press('Enter');
  await expect(heading(name)).toBeFocused();
}

test('Accounts, before any account is connected; the skip link moves focus to the page heading', async () => {
  await expect(heading('Accounts')).toBeVisible();
  await checkKeyboard('accounts-empty');

  const skip = await tabTo(page, 'button', 'Skip to main content');
  expect(skip.group).toBe(0);
  await page.keyboard.press('Enter');
  await expect(heading('Accounts')).toBeFocused();
});

test('the demo account is connected with Space, the scan started with Enter (no mouse)', async () => {
  test.setTimeout(120_000);
  await tabTo(page, 'button', 'Try the demo account');
  await page.keyboard.press('Space');
  await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toContainText('Active');

  await goTo('Inventory');
  await tabTo(page, 'button', 'Scan account');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Projects \(3\)$/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Scan again' })).not.toHaveAttribute('aria-disabled', 'true', { timeout: 60_000 });
});

test('Accounts, with the demo account connected; Escape closes the rename form and the forget question', async () => {
  await goTo('Accounts');
  await checkKeyboard('accounts-demo');

  await tabTo(page, 'button', /^Rename/);
  await page.keyboard.press('Enter');
  const renameField = page.getByRole('textbox', { name: 'New name for Demo account' });
  await expect(renameField).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(renameField).toBeHidden();
  await expect(page.getByRole('button', { name: /^Rename/ })).toBeFocused();

  await tabTo(page, 'button', /^Forget/);
  await page.keyboard.press('Enter');
  const question = page.getByRole('group').filter({ hasText: 'Demo account' });
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: /^Forget/ })).toBeFocused();
  await expect(page.getByRole('listitem').filter({ hasText: 'Demo account' })).toContainText('Active');
});

test('Inventory, scanned, then with a project expanded by keyboard', async () => {
  await goTo('Inventory');
  await checkKeyboard('inventory');
  await tabTo(page, 'button', /Flower shop \(demo\)/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Flower shop \(demo\)/ }).first()).toHaveAttribute('aria-expanded', 'true');
  await checkKeyboard('inventory-expanded');
});

test('Export; Space ticks and unticks a project', async () => {
  await goTo('Export');
  await checkKeyboard('export');
  const box = page.getByRole('checkbox', { name: /Flower shop \(demo\)/ });
  const before = await box.isChecked();
  await tabTo(page, 'checkbox', /Flower shop \(demo\)/);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked({ checked: !before });
  await page.keyboard.press('Space');
  await expect(box).toBeChecked({ checked: before });
});

test('Cleanup, scope step: arrows move within the scope choices, each choice walked', async () => {
  await goTo('Cleanup');
  // The saved-plans list loads after the page: its Refresh button is disabled until then,
  // so the walk waits for it rather than racing the load.
  await expect(page.getByRole('button', { name: 'Refresh the list' })).toBeEnabled();
  const everything = page.getByRole('radio', { name: /Everything in this account/ });
  // Nothing is chosen at first: Tab reaches the first choice and Space picks it.
  await expect(everything).not.toBeChecked();
  await checkKeyboard('cleanup-scope-none');
  await tabTo(page, 'radio', /Everything in this account/);
  await page.keyboard.press('Space');
  await expect(everything).toBeChecked();
  await checkKeyboard('cleanup-scope-all');

  await tabTo(page, 'radio', /Everything in this account/);
  const radios = page.getByRole('radio');
  const count = await radios.count();
  for (let i = 1; i < count; i += 1) {
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(i)).toBeChecked();
    await expect(radios.nth(i)).toBeFocused();
    await checkKeyboard(`cleanup-scope-choice-${i + 1}`);
    // Only the checked radio is a Tab stop: Tab lands on it again.
    await tabTo(page, 'radio', /./);
    await expect(radios.nth(i)).toBeFocused();
  }
  await page.keyboard.press('ArrowUp');
  await expect(radios.nth(count - 2)).toBeChecked();

  // "One kind of data in one project" with a date: the date field and its UTC hint are walked too.
  const part = page.getByRole('radio', { name: /One kind of data in one project/ });
  await tabTo(page, 'radio', /./);
  while (!(await part.isChecked())) await page.keyboard.press('ArrowDown');
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'Flower shop (demo)' });
  await page.getByRole('combobox', { name: 'Kind of data' }).selectOption('imagesOlderThan');
  await expect(page.getByLabel('Added before (UTC date)')).toBeVisible();
  await checkKeyboard('cleanup-scope-part-date');
  await tabTo(page, 'radio', /./);
  // Back to the whole account for the next steps.
  while (!(await everything.isChecked())) await page.keyboard.press('ArrowUp');
  await expect(everything).toBeFocused();
});

test('Cleanup, review, backup and confirm steps (reached by keyboard; nothing is deleted)', async () => {
  test.setTimeout(120_000);
  await tabTo(page, 'button', 'Review the plan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'What will be deleted' })).toBeVisible({ timeout: 60_000 });
  await checkKeyboard('cleanup-review');

  await tabTo(page, 'button', 'Continue to backup');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Back up', level: 2 })).toBeFocused();
  await checkKeyboard('cleanup-backup');

  // The waiver also names what the deleted iterations take along (their models and performance).
  await tabTo(page, 'checkbox', /^Delete without a backup/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Delete without a backup' })).toBeChecked();
  await checkKeyboard('cleanup-backup-waived');
  await tabTo(page, 'button', 'Continue to confirmation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Confirm', level: 2 })).toBeFocused();
  await checkKeyboard('cleanup-confirm');
  await expect(page.getByRole('button', { name: 'Delete permanently' })).toBeDisabled();
});

test('Settings', async () => {
  await goTo('Settings');
  await checkKeyboard('settings');
});

test('the walker itself notices a missing focus style, a faint one, and a control out of reading order', async () => {
  // Three controls planted in the Settings page (through the CSSOM: the CSP refuses style attributes).
  await page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) throw new Error('no main');
    const make = (text: string, style: Partial<CSSStyleDeclaration>) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.className = 'walker-probe';
      Object.assign(button.style, style);
      return button;
    };
    main.prepend(make('Probe without focus style', { outline: 'none', boxShadow: 'none' }));
    main.append(make('Probe with a faint focus style', { outlineColor: 'rgb(250, 250, 250)' }));
    main.append(make('Probe placed at the top', { position: 'absolute', top: '0', right: '0' }));
  });
  try {
    const problems = problemsOf(await walk(page));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\(c\) no focus indicator: button "Probe without focus style"/),
        expect.stringMatching(/^\(c\) focus indicator too faint \(1\.\d+:1.*\): button "Probe with a faint focus style"/),
        expect.stringMatching(/^\(b\) out of reading order \(goes up the page\): button "Probe with a faint focus style" .* → button "Probe placed at the top"/),
      ]),
    );
  } finally {
    await page.evaluate(() => document.querySelectorAll('.walker-probe').forEach((probe) => probe.remove()));
  }
});

test('every page again in the dark colour scheme (focus indicators against dark backgrounds)', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    for (const name of ['Accounts', 'Inventory', 'Export', 'Cleanup', 'Settings']) {
      await goTo(name);
      await checkKeyboard(`dark-${name.toLowerCase()}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});
