/**
 * What `cv-steward cleanup plan|run` prints for a person, in the CLI's language: the saved
 * plan (scope, counts, what goes along, how to run it) and the run's result (proof per kind,
 * checks, calls, receipt). Kept apart from the command's flow so the wording can be read and
 * tested on its own; the --json line is the command's and stays English.
 */
import type { Language } from '../../shared/model/preferences';
import type { CategoryCounts, CleanupPlan, ProvenItems, Verification } from '../../shared/model/cleanup';
import type { MainText } from '../../shared/model/main-text';
import { provenItems } from '../../shared/model/proven-items';
import { planScopeText, type CleanupOutcome } from '../cleanup';
import { mainTranslator, type MainKey, type Translate } from '../i18n';
import { formatCount, printable } from './format';

export interface CliWords {
  t: Translate<'cli'>;
  language: Language;
}

/** The lines after a plan is saved to `file`; `runCommand` is the command that runs it (absent when there is nothing to delete). */
export function planReportLines({ t, language }: CliWords, plan: CleanupPlan, file: string, ratePerSecond: number, runCommand: string): string[] {
  return [
    t('cleanup.planSaved', { file }),
    t('cleanup.scope', { scope: printable(planScopeText(plan, language), 200) }),
    ...countLines(t, plan.counts),
    ...takenAlongLines(t, plan),
    t('cleanup.deleteCalls', { calls: formatCount(plan.apiCalls), seconds: formatCount(Math.ceil(plan.apiCalls / Math.max(1, ratePerSecond))), rate: String(ratePerSecond) }),
    plan.steps.length === 0 ? t('cleanup.nothingInScope') : t('cleanup.howToRun'),
    ...(plan.steps.length === 0 ? [] : [`  ${runCommand}`]),
  ];
}

/** The lines after a run: the headline, what the proof found, and where the receipt is. */
export function runReportLines(words: CliWords, plan: CleanupPlan, result: CleanupOutcome, resume: string): string[] {
  const { t, language } = words;
  const { receipt } = result;
  const failedCalls = receipt.calls.filter((call) => call.outcome === 'failed').length;
  const unverified = receipt.verifications.filter((item) => !item.verified);
  const couldNot = unverified.filter((item) => item.result === 'could-not-verify').length;
  const left = receipt.leftInPlace ?? [];
  const figures = { unverified: formatCount(unverified.length), checks: formatCount(receipt.verifications.length), couldNotVerify: formatCount(couldNot) };
  const headline = result.complete ? t('cleanup.done') : couldNot > 0 ? t('cleanup.incompleteCouldNotVerify', figures) : t('cleanup.incomplete', figures);
  const calls = formatCount(receipt.calls.length);
  return [
    headline,
    t('cleanup.scope', { scope: printable(planScopeText(plan, language), 200) }),
    ...provenLines(t, receipt.proven ?? provenItems(receipt.verifications)),
    t('cleanup.checks', { n: formatCount(receipt.verifications.length) }),
    failedCalls > 0 ? t('cleanup.callsFailed', { n: calls, failed: formatCount(failedCalls) }) : t('cleanup.calls', { n: calls }),
    ...unverified.slice(0, 10).map((item) => uncheckedLine(words, item)),
    ...(left.length > 0 ? [t('cleanup.leftInPlace', { n: formatCount(left.length) })] : []),
    t('cleanup.receipt', { path: result.receiptHtmlPath }),
    t('cleanup.receiptJson', { path: result.receiptJsonPath }),
    t('cleanup.notDeletable'),
    ...(result.complete ? [] : [`${t('cleanup.retry')}\n  ${resume}`]),
  ];
}

/** A check that did not prove its items gone, said with the receipt's words for it when main sent them as codes. */
function uncheckedLine({ t, language }: CliWords, item: Verification): string {
  const check = printable(said(language, item.checkText, item.check), 120);
  const detailText = item.detail ? printable(said(language, item.detailText, item.detail), 160) : '';
  const detail = detailText ? t('cleanup.detail', { detail: detailText }) : '';
  return t(item.result === 'could-not-verify' ? 'cleanup.uncheckedCouldNotVerify' : 'cleanup.uncheckedStillThere', { check, detail });
}

/**
 * A proof text in `language`: the receipt's catalogue holds the sentence for each code main
 * attaches to a check or its detail; English (and a code it does not know) is main's own text.
 */
function said(language: Language, text: MainText | undefined, english: string): string {
  if (language === 'en' || text === undefined) return english;
  const key = `texts.${text.code}`;
  // The code comes from main's data, not a literal: the catalogue answers with the key when it has no such sentence.
  const sentence = mainTranslator(language, 'receipt')(key as MainKey<'receipt'>, text.params ?? {});
  return sentence === key ? english : sentence;
}

/**
 * What the proof found, in items per kind ("284 of 284 images proven gone"), not in checks:
 * one check can cover 90 images. Items not proven gone are split by why.
 */
function provenLines(t: Translate<'cli'>, proven: readonly ProvenItems[]): string[] {
  if (proven.length === 0) return [];
  const rows = proven.map((kind) => {
    const doubts = [
      kind.stillThere > 0 ? t('cleanup.proven.stillThere', { n: formatCount(kind.stillThere) }) : '',
      kind.couldNotVerify > 0 ? t('cleanup.proven.couldNotVerify', { n: formatCount(kind.couldNotVerify) }) : '',
    ].filter(Boolean);
    return t('cleanup.proven.row', {
      gone: formatCount(kind.gone),
      items: formatCount(kind.items),
      what: t(`cleanup.proven.items.${kind.category}`, { count: kind.items }),
      doubts: doubts.length > 0 ? t('cleanup.proven.doubts', { list: doubts.join(t('cleanup.proven.separator')) }) : '',
    });
  });
  return [t('cleanup.proven.heading'), ...rows];
}

function countLines(t: Translate<'cli'>, counts: CategoryCounts): string[] {
  const published = counts.publishedIterations > 0 ? t('cleanup.counts.published', { n: formatCount(counts.publishedIterations) }) : '';
  const onlyInIterations = counts.imagesOnlyInIterations > 0 ? t('cleanup.counts.onlyInIterations', { n: formatCount(counts.imagesOnlyInIterations) }) : '';
  return [
    t('cleanup.counts.projects', { n: formatCount(counts.projects) }),
    t('cleanup.counts.iterations', { n: formatCount(counts.iterations), note: published }),
    t('cleanup.counts.images', { n: formatCount(counts.images), note: onlyInIterations }),
    t('cleanup.counts.predictions', { n: formatCount(counts.predictions) }),
    t('cleanup.counts.tags', { n: formatCount(counts.tags) }),
  ];
}

/** What the deleted iterations (or projects) take along without a step of their own: the backup must hold it too. */
function takenAlongLines(t: Translate<'cli'>, plan: CleanupPlan): string[] {
  const images = plan.projects.reduce((sum, project) => sum + (project.implicit?.imageIds.length ?? 0), 0);
  const models = plan.projects.flatMap((project) => project.implicit?.models ?? []);
  const performance = plan.projects.reduce((sum, project) => sum + (project.implicit?.performance.length ?? 0), 0);
  const lines: string[] = [];
  if (images > 0) lines.push(t('cleanup.takenAlong.images', { count: images, n: formatCount(images) }));
  if (models.length > 0) {
    const names = [...new Set(models.map((model) => (model.flavor ? `${model.platform} ${model.flavor}` : model.platform)))].join(t('cleanup.takenAlong.nameSeparator'));
    lines.push(t('cleanup.takenAlong.models', { count: models.length, n: formatCount(models.length), names: printable(names, 120) }));
  }
  if (performance > 0) lines.push(t('cleanup.takenAlong.performance', { count: performance, n: formatCount(performance) }));
  return lines.length > 0 ? [t('cleanup.takenAlong.heading'), ...lines] : [];
}
