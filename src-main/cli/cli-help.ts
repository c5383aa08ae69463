/**
 * The help texts: `cv-steward --help` and `cv-steward <command> --help`, in the CLI's
 * language (src-main/i18n/locales/<language>/cli.json, `help`). Command names, option names
 * and placeholders (`--plan FILE`, SCOPE) stay as typed in every language: they are what the
 * reader types.
 */
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import type { Translate } from '../i18n';
import { KEY_VARIABLE } from './cli-account';
import { cliTranslator } from './cli-language';

export type CommandName = 'inventory' | 'export' | 'verify' | 'cleanup';

/** The commands, in the order the top-level help lists them. */
export const COMMANDS: Record<CommandName, true> = { inventory: true, export: true, verify: true, cleanup: true };

/** Option lines: the flag padded to one column, continuation lines under the text. */
export function optionLines(options: ReadonlyArray<readonly [string, string]>): string {
  const width = 19;
  return options
    .map(([flag, text]) => text.split('\n').map((line, index) => `  ${(index === 0 ? flag : '').padEnd(width)}  ${line}`).join('\n'))
    .join('\n');
}

type Option = readonly [string, string];

function common(t: Translate<'cli'>): Option[] {
  return [
    ['--json', t('help.options.json')],
    ['--quiet', t('help.options.quiet')],
    ['--help', t('help.options.help')],
  ];
}

const rate = (t: Translate<'cli'>): Option => ['--rate N', t('help.options.rate')];

function accountOptions(t: Translate<'cli'>): Option[] {
  return [
    ['--endpoint URL', t('help.options.endpoint', { variable: KEY_VARIABLE })],
    ['--account ID', t('help.options.account')],
  ];
}

export function mainUsage(t: Translate<'cli'> = cliTranslator('en')): string {
  const commands = (Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${name.padEnd(10)} ${t(`help.commands.${name}`)}`);
  return [
    t('help.usage'),
    '',
    t('help.tagline'),
    '',
    t('help.commandsHeading'),
    ...commands,
    '',
    t('help.examples'),
    `  read -rs ${KEY_VARIABLE} && export ${KEY_VARIABLE}     ${t('help.pasteKey')}`,
    '  cv-steward inventory --endpoint https://myresource.cognitiveservices.azure.com/',
    '  cv-steward export --endpoint https://myresource.cognitiveservices.azure.com/ --out ./bundle --zip',
    '  cv-steward verify ./bundle',
    '  cv-steward cleanup plan --endpoint https://myresource.cognitiveservices.azure.com/ --scope all --out plan.json',
    '  cv-steward cleanup run --endpoint https://myresource.cognitiveservices.azure.com/ --plan plan.json --bundle ./bundle --confirm "myresource"',
    '',
    t('help.optionsHeading'),
    `  --help     ${t('help.options.help')}`,
    `  --version  ${t('help.version')}`,
    '',
    t('help.streams'),
    t('help.exitCodes'),
    '',
  ].join('\n');
}

export function commandUsage(command: CommandName, t: Translate<'cli'> = cliTranslator('en')): string {
  const account = `${t('help.accountHeading')}\n${optionLines(accountOptions(t))}`;
  const options = (list: readonly Option[]) => `${t('help.optionsHeading')}\n${optionLines(list)}`;
  const exit = t('help.exitCodes');
  switch (command) {
    case 'inventory':
      return [t('help.inventory.usage'), '', t('help.inventory.about'), '', account, '', options([rate(t), ...common(t)]), '', exit, `${t('help.inventory.exit')}\n`].join('\n');
    case 'export':
      return [
        t('help.export.usage'),
        '',
        t('help.export.about'),
        '',
        t('help.export.resume'),
        '',
        account,
        '',
        options([
          ['--out DIR', t('help.options.exportOut')],
          ['--projects IDS', t('help.options.projects')],
          ['--categories LIST', t('help.options.categories', { categories: EXPORT_CATEGORIES.join(', ') })],
          ['--zip', t('help.options.zip')],
          ['--language LANG', t('help.options.exportLanguage')],
          rate(t),
          ...common(t),
        ]),
        '',
        exit,
        `${t('help.export.exit')}\n`,
      ].join('\n');
    case 'verify':
      return [t('help.verify.usage'), '', t('help.verify.about'), '', options(common(t)), '', exit, `${t('help.verify.exit')}\n`].join('\n');
    case 'cleanup':
      return [
        t('help.cleanup.usage'),
        '',
        t('help.cleanup.plan'),
        '',
        t('help.cleanup.run'),
        '',
        account,
        '',
        options([
          ['--scope SCOPE', t('help.options.scope')],
          ['--out FILE', t('help.options.planOut')],
          ['--plan FILE', t('help.options.plan')],
          ['--bundle DIR', t('help.options.bundle')],
          ['--no-backup', t('help.options.noBackup')],
          ['--confirm TEXT', t('help.options.confirm')],
          ['--language LANG', t('help.options.runLanguage')],
          rate(t),
          ...common(t),
        ]),
        '',
        exit,
        `${t('help.cleanup.exit')}\n`,
      ].join('\n');
  }
}
