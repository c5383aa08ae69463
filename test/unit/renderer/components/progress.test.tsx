// @vitest-environment happy-dom
/**
 * The progress bars and category rows a job and the inventory show: what the bar tells a
 * screen reader (its name, value and maximum, or no value while the total is unknown) and
 * the counts beside it, in English and in Traditional Chinese.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CategoryProgress as CategoryProgressData } from '../../../../shared/model/job';
import { CategoryProgress } from '../../../../src-renderer/components/category-progress';
import { ProgressBar } from '../../../../src-renderer/components/progress-bar';
import { i18n } from '../../../../src-renderer/i18n';
import { componentTestLifecycle } from '../../../support/renderer/show-store';

componentTestLifecycle();

function category(overrides: Partial<CategoryProgressData> = {}): CategoryProgressData {
  return { category: 'images', done: 12, total: 40, bytesDone: 0, bytesTotal: null, errors: 0, ...overrides };
}

describe('ProgressBar', () => {
  it('tells how far the work is, by name', () => {
    render(<ProgressBar label="Images" done={12} total={40} />);
    const bar = screen.getByRole('progressbar', { name: 'Images' });
    expect(bar.getAttribute('value')).toBe('12');
    expect(bar.getAttribute('max')).toBe('40');
  });

  it('has no value while the total is unknown, so it reads as busy rather than empty', () => {
    render(<ProgressBar label="Tags" done={3} total={null} />);
    const bar = screen.getByRole('progressbar', { name: 'Tags' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(bar.hasAttribute('max')).toBe(false);
  });

  it('is full when there was nothing to do, and never runs past its end', () => {
    render(
      <>
        <ProgressBar label="Nothing" done={0} total={0} />
        <ProgressBar label="Overshoot" done={9} total={5} />
      </>,
    );
    const empty = screen.getByRole('progressbar', { name: 'Nothing' });
    expect([empty.getAttribute('value'), empty.getAttribute('max')]).toEqual(['1', '1']);
    const overshoot = screen.getByRole('progressbar', { name: 'Overshoot' });
    expect([overshoot.getAttribute('value'), overshoot.getAttribute('max')]).toEqual(['5', '5']);
  });
});

describe('CategoryProgress', () => {
  it('shows the category, "done / total", the bytes moved and a bar named after it', () => {
    render(
      <ul>
        <CategoryProgress progress={category({ bytesDone: 1_572_864, bytesTotal: 6_291_456 })} />
      </ul>,
    );
    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('Images');
    expect(row.textContent).toMatch(/12 \/ 40 · 1\.5 MB \/ 6(\.0)? MB/);
    const bar = screen.getByRole('progressbar', { name: 'Images' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['12', '40']);
  });

  it('says "so far" while the total is unknown and the job runs, and the final figure once it has ended', () => {
    const { rerender } = render(
      <ul>
        <CategoryProgress progress={category({ total: null })} />
      </ul>,
    );
    expect(screen.getByRole('listitem').textContent).toContain('12 so far');
    rerender(
      <ul>
        <CategoryProgress progress={category({ total: null })} ended />
      </ul>,
    );
    expect(screen.getByRole('listitem').textContent).not.toContain('so far');
    expect(screen.getByRole('listitem').textContent).toContain('12');
  });

  it('counts the errors and shows the latest one', () => {
    render(
      <ul>
        <CategoryProgress progress={category({ errors: 2, lastError: 'Image 7 could not be downloaded' })} />
      </ul>,
    );
    expect(screen.getByText(/2 errors\. Latest: Image 7 could not be downloaded/)).toBeTruthy();
  });

  it('speaks Traditional Chinese when the page does', async () => {
    await i18n.changeLanguage('zh-TW');
    render(
      <ul>
        <CategoryProgress progress={category({ total: null, errors: 1, lastError: 'x' })} />
      </ul>,
    );
    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('影像');
    expect(row.textContent).toContain('目前 12');
    expect(row.textContent).toContain('1 個錯誤。');
    expect(row.textContent).not.toContain('so far');
    expect(screen.getByRole('progressbar', { name: '影像' })).toBeTruthy();
  });
});
