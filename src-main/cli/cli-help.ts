/** The help texts: `cv-steward --help` and `cv-steward <command> --help`. */
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import { ACCOUNT_OPTIONS, KEY_VARIABLE } from './cli-account';

export type CommandName = 'inventory' | 'export' | 'verify' | 'cleanup';

export const COMMANDS: Record<CommandName, string> = {
  inventory: 'list every kind of data the account holds, with counts',
  export: 'save everything to an offline, verified bundle folder (resumable)',
  verify: 'check a bundle folder against its manifest',
  cleanup: 'plan, then run, a safe deletion backed by a verified bundle, with a receipt',
};

const EXIT_HELP = 'Exit codes: 0 done; 1 failed or incomplete; 2 usage error (bad or missing arguments, or a path that cannot be what it names).';

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
  const commands = Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(10)} ${text}`);
  return [
    'Usage: cv-steward <command> [options]',
    '',
    'See, export, verify and delete everything Azure Custom Vision holds about an account.',
    '',
    'Commands:',
    ...commands,
    '',
    'Run "cv-steward <command> --help" for its options. Examples:',
    `  read -rs ${KEY_VARIABLE} && export ${KEY_VARIABLE}     # paste the key, press Enter`,
    '  cv-steward inventory --endpoint https://myresource.cognitiveservices.azure.com/',
    '  cv-steward export --endpoint https://myresource.cognitiveservices.azure.com/ --out ./bundle --zip',
    '  cv-steward verify ./bundle',
    '  cv-steward cleanup plan --endpoint https://myresource.cognitiveservices.azure.com/ --scope all --out plan.json',
    '  cv-steward cleanup run --endpoint https://myresource.cognitiveservices.azure.com/ --plan plan.json --bundle ./bundle --confirm "myresource"',
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
  ['--language LANG', 'language of the offline viewer (DIR/index.html): en or zh-TW\n(default: en; when resuming, the language the bundle was started in)'],
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
    case 'cleanup':
      return `Usage: cv-steward cleanup plan --scope SCOPE --out plan.json (--endpoint URL | --account ID) [options]
       cv-steward cleanup run --plan plan.json (--bundle DIR | --no-backup) --confirm TEXT
                              (--endpoint URL | --account ID) [options]

"plan" takes a fresh snapshot of the ids in scope and saves the ordered list of delete
calls it would make (nothing is deleted). SCOPE is one of:
  all                          every project of the account
  projects:ID,ID,…             these projects, whole
  project:ID:CATEGORY          one kind of data inside one project; CATEGORY is
                               untagged | images | predictions | tag=TAGID (the tag) |
                               tagged=TAGID (images with it) | iteration=ITERATIONID |
                               older-than=DATE (images created before it, ISO 8601)
The plan file states confirmText: the account name to type with --confirm.

"run" deletes exactly what the plan lists, in a safe order (unpublish → iterations →
images → predictions → tags → project), only when --confirm matches and the bundle
(re-verified now, every file re-hashed) holds every item, or with --no-backup (recorded
in the receipt). Every call is journaled next to the plan; running the same command
again after a crash or Ctrl-C resumes. Afterwards everything is re-read to prove it is
gone, and a receipt is written next to the plan (plan.receipt.json and .html).

The account (one of; the key is never accepted as an argument):
${optionLines(ACCOUNT_OPTIONS)}

Options:
${optionLines([
  ['--scope SCOPE', 'plan: what to delete (see above)'],
  ['--out FILE', 'plan: where to save the plan (must not exist yet)'],
  ['--plan FILE', 'run: the plan to run'],
  ['--bundle DIR', 'run: the export bundle that backs the plan up'],
  ['--no-backup', 'run: delete without a backup (you lose the data for good)'],
  ['--confirm TEXT', "run: the account's name, exactly as the plan's confirmText"],
  ['--language LANG', 'run: language of the receipt (.html and the texts in .json):\nen or zh-TW (default: en)'],
  RATE,
  ...COMMON,
])}

${EXIT_HELP}
run exits 0 only when every step was verified gone; 1 when it was refused (confirmation,
backup) or is incomplete (run it again to resume).
`;
  }
}
