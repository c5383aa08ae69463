// @vitest-environment happy-dom
/**
 * The Inventory overview: one row per kind of data with its count, estimated size, state
 * and a bar that fills as the scan reaches it; a problem names where it happened and offers
 * a Retry that asks main to scan just that part again, and waits while a scan runs.
 */
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CategoryRow, InventorySnapshot } from '../../../../shared/model/inventory';
import { InventoryCategoryRows } from '../../../../src-renderer/components/inventory-category-rows';
import { i18n } from '../../../../src-renderer/i18n';
import { createStewardStore } from '../../../../src-renderer/store';
import { componentTestLifecycle, showStore } from '../../../support/renderer/show-store';
import { FakeMain, inventoryProject, inventorySnapshot } from '../../../support/renderer/fakes';

componentTestLifecycle();

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  showStore(store);
  return { main, store };
}

/** A scan under way: images half done, tags not reached yet, predictions failed for one project. */
function scanning(): InventorySnapshot {
  const snapshot = inventorySnapshot([inventoryProject({ id: 'p-1', name: 'Bananas' })]);
  const rows: Partial<Record<CategoryRow['category'], Partial<CategoryRow>>> = {
    images: { count: 84, bytesEstimate: 1_048_576, done: 1, total: 3, state: 'scanning' },
    tags: { count: null, done: 0, total: null, state: 'waiting' },
    predictions: {
      count: 10,
      state: 'failed',
      problems: [{ category: 'predictions', projectId: 'p-1', code: 'ODD_ANSWER', message: 'The service answered something unexpected.' }],
    },
  };
  return {
    ...snapshot,
    state: 'scanning',
    categories: snapshot.categories.map((row) => ({ ...row, ...rows[row.category] })),
  };
}

const rowOf = (name: string) => {
  const row = screen.getAllByRole('listitem').find((item) => item.querySelector('.inventory-row-name')?.textContent === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
};

describe('InventoryCategoryRows', () => {
  it('shows every kind of data with its count, estimate, state and how far the scan is', () => {
    setup();
    render(<InventoryCategoryRows snapshot={scanning()} busy={false} />);

    expect(screen.getByRole('heading', { name: 'What Custom Vision holds' })).toBeTruthy();
    const images = rowOf('Images');
    expect(images.textContent).toContain('84');
    expect(images.textContent).toMatch(/≈ 1(\.0)? MB \(estimate\)/);
    expect(images.textContent).toContain('Scanning…');
    const imagesBar = within(images).getByRole('progressbar', { name: 'Images' });
    expect([imagesBar.getAttribute('value'), imagesBar.getAttribute('max')]).toEqual(['1', '3']);

    // Not reached yet: an empty bar and no count, not a busy bar.
    const tags = rowOf('Tags');
    expect(tags.textContent).toContain('—');
    expect(tags.textContent).toContain('Waiting');
    const tagsBar = within(tags).getByRole('progressbar', { name: 'Tags' });
    expect([tagsBar.getAttribute('value'), tagsBar.getAttribute('max')]).toEqual(['0', '1']);

    expect(rowOf('Stored predictions').textContent).toContain('Incomplete');
  });

  it('names the project a problem happened in, and Retry asks main to scan just that again', async () => {
    const { main } = setup();
    render(<InventoryCategoryRows snapshot={scanning()} busy={false} />);

    const problems = screen.getByRole('list', { name: 'Problems with Stored predictions' });
    expect(problems.textContent).toContain('Bananas:');
    expect(problems.textContent).toContain('ODD_ANSWER');
    await userEvent.click(within(problems).getByRole('button', { name: 'Retry Stored predictions for Bananas' }));

    expect(main.inventory.scanRequests).toEqual([{ categories: ['predictions'], projectIds: ['p-1'] }]);
  });

  it('lets Retry wait while a scan runs: it says so and sends nothing', async () => {
    const { main } = setup();
    render(<InventoryCategoryRows snapshot={scanning()} busy />);

    const retry = screen.getByRole('button', { name: 'Retry Stored predictions for Bananas' });
    expect(retry.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(retry);
    expect(main.inventory.scanRequests).toEqual([]);
  });

  it('speaks Traditional Chinese when the page does', async () => {
    setup();
    await i18n.changeLanguage('zh-TW');
    render(<InventoryCategoryRows snapshot={scanning()} busy={false} />);

    expect(screen.getByRole('heading', { name: 'Custom Vision 保存的資料' })).toBeTruthy();
    expect(rowOf('影像').textContent).toContain('正在掃描…');
    expect(screen.getByRole('button', { name: /^針對 Bananas 重試/ })).toBeTruthy();
  });
});
