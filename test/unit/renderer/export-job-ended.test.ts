/**
 * An export job's figures while it runs and once it has ended: "so far" only while more
 * can come, the word "items" after its number in every case, and no Pause/Resume/Cancel
 * left on a job that is over.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../shared/model/job';
import { ExportTransfer } from '../../../src-renderer/components/export-transfer';
import { JobControls } from '../../../src-renderer/components/job-controls';
import { i18n } from '../../../src-renderer/i18n';
import { jobSnapshot } from '../../support/renderer/fakes';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
// Totals unknown (an export counts as it goes): 104 items, 8.1 MB moved.
const categories: JobSnapshot['categories'] = [{ category: 'images', done: 104, total: null, bytesDone: 8_500_000, bytesTotal: null, errors: 0 }];
const transfer = (job: JobSnapshot) => text(renderToStaticMarkup(createElement(ExportTransfer, { job })));
const controls = (job: JobSnapshot) => renderToStaticMarkup(createElement(JobControls, { job, label: 'Export controls' }));

describe('an export job’s figures', () => {
  it('say "so far" while the export runs, with the word after the number', () => {
    const shown = transfer(jobSnapshot({ state: 'running', categories }));
    expect(shown).toMatch(/so far · 104 items so far/);
    expect(controls(jobSnapshot({ state: 'running', categories }))).toContain('Pause');
  });

  it('are final totals once it has ended, and the controls are gone', () => {
    for (const state of ['succeeded', 'cancelled', 'failed'] as const) {
      const shown = transfer(jobSnapshot({ state, categories }));
      expect(shown).not.toContain('so far');
      expect(shown).toMatch(/Saved [\d.,]+ MB · 104 items$/);
      expect(controls(jobSnapshot({ state, categories }))).toBe('');
    }
  });

  it('say the same in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(transfer(jobSnapshot({ state: 'running', categories }))).toContain('目前 104 個項目');
    expect(transfer(jobSnapshot({ state: 'succeeded', categories }))).toMatch(/ · 104 個項目$/);
  });
});
