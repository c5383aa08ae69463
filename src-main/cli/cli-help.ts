/** The help texts: `cv-steward --help` and `cv-steward <command> --help`. */
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import { ACCOUNT_OPTIONS, KEY_VARIABLE } from './cli-account';

export type CommandName = 'inventory' | 'export' | 'verify';

export const COMMANDS: Record<CommandName, string> = {
  inventory: 'list every kind of data the account holds, with counts',
  export: 'save everything to an offline, verified bundle folder (resumable)',
  verify: 'check a bundle folder against its manifest',
};

/** Announced so people know it is coming; not accepted yet. */
export const PLANNED_COMMANDS: Record<string, string> = {
  cleanup: 'plan and run a safe deletion (not available yet)',
};

const EXIT_HELP = 'Exit codes: 0 done; 1 failed or incomplete; 2 usage error (bad or missing arguments).';

/** Option lines: the flag padded to one column, continuation lines under the text. */
export function optionLines(options: ReadonlyArray<readonly [string, string]>): string {
  const width = 19;
  return options
    .map(([flag, text]) => text.split('\n').map((line, index) => `  ${(index === 0 ? flag : '').padEnd(width)}  ${line}`).join('\n'))
    .join('\n');
}

const COMMON: ReadonlyArray<readonly [string, string]> = [
  ['--json', 'print one line of JSON on stdout (for scripts); progress stays on stderr'],
  ['--quiet', 'no progress or notes on stderr (errors are still printed)'],
  ['--help', 'show this help'],
];

const RATE: readonly [string, string] = ['--rate N', "API calls per second (default 10, the Training API's limit); lower it\nto leave room for other programs using the same resource"];

export function mainUsage(): string {
  const commands = [...Object.entries(COMMANDS), ...Object.entries(PLANNED_COMMANDS)].map(([name, text]) => `  ${name.padEnd(10)} ${text}`);
  return [
    'Usage: cv-steward <command> [options]',
    '',
    'See, export and verify everything Azure Custom Vision holds about an account.',
    '',
    'Commands:',
    ...commands,
    '',
    'Run "cv-steward <command> --help" for its options. Examples:',
    `  read -rs ${KEY_VARIABLE} && export ${KEY_VARIABLE}     # paste the key, press Enter`,
    '  cv-steward inventory --endpoint https://myresource.cognitiveservices.azure.com/',
    '  cv-steward export --endpoint https://myresource.cognitiveservices.azure.com/ --out ./bundle --zip',
    '  cv-steward verify ./bundle',
    '',
    'Options:',
    '  --help     show this help',
    '  --version  print the version',
    '',
    'Progress goes to stderr, results to stdout. The key is never accepted as an argument.',
    EXIT_HELP,
    '',
  ].join('\n');
}

export function commandUsage(command: CommandName): string {
  switch (command) {
    case 'inventory':
      return `Usage: cv-steward inventory (--endpoint URL | --account ID) [options]

Counts everything the account holds (projects, iterations, performance, tags, images,
exported models, stored predictions) without downloading any image, and prints a table
of categories and projects; with --json, the whole inventory snapshot as one JSON line.

The account (one of; the key is never accepted as an argument):
${optionLines(ACCOUNT_OPTIONS)}

Options:
${optionLines([RATE, ...COMMON])}

${EXIT_HELP}
An inventory with problems (a call that kept failing) exits 1.
`;
    case 'export':
      return `Usage: cv-steward export --out DIR (--endpoint URL | --account ID) [options]

Saves everything the account holds into the bundle folder DIR (created if needed):
every record as the API returned it, the original image bytes, exported models, stored
predictions, dataset views (COCO, YOLO, Pascal VOC, CSV) and an offline viewer
(DIR/index.html), with a manifest listing every file's size and SHA-256.

Running it again with the same --out resumes: files already in the bundle are not
downloaded again. Ctrl-C stops cleanly and leaves the bundle resumable.

The account (one of; the key is never accepted as an argument):
${optionLines(ACCOUNT_OPTIONS)}

Options:
${optionLines([
  ['--out DIR', 'the bundle folder (required): new, empty, or an earlier bundle to resume'],
  ['--projects IDS', 'only these projects: comma-separated ids (see "cv-steward inventory")'],
  ['--categories LIST', `only these kinds of data, comma-separated, from:\n${EXPORT_CATEGORIES.join(', ')} (default: all)`],
  ['--zip', 'also write DIR.zip, a one-file copy with the manifest inside'],
  RATE,
  ...COMMON,
])}

${EXIT_HELP}
Exit 1 also when the bundle ends partial (something could not be saved, or a count does
not match the service): run the same command again to fill the gaps.
`;
    case 'verify':
      return `Usage: cv-steward verify DIR [options]

Re-reads every file of the bundle in DIR and checks it against manifest.json: reports,
by path, files that are missing, altered, truncated, or present but not listed, and a
bundle whose manifest says it is partial. Needs no account and no network.

Options:
${optionLines(COMMON)}

${EXIT_HELP}
Exit 1 when any problem is found.
`;
  }
}
