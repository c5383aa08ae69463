/** Argument handling for `cv-steward`, separate from process wiring so it is unit-tested. */

export const EXIT = { done: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  version: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Commands the CLI will have; listed in --help so users know what is coming. */
const PLANNED_COMMANDS: Record<string, string> = {
  inventory: 'list every kind of data the account holds',
  export: 'save everything to an offline, verified bundle',
  verify: 'check a bundle against its manifest',
  cleanup: 'plan and run a safe deletion',
};

export function usage(): string {
  const lines = Object.entries(PLANNED_COMMANDS).map(([name, text]) => `  ${name.padEnd(10)} ${text} (not available yet)`);
  return [
    'Usage: cv-steward <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help     show this help',
    '  --version  print the version',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage());
    return first === undefined ? EXIT.usage : EXIT.done;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${io.version}\n`);
    return EXIT.done;
  }
  if (Object.hasOwn(PLANNED_COMMANDS, first)) {
    io.err(`cv-steward: "${first}" is not available in version ${io.version} yet.\n`);
    return EXIT.usage;
  }
  io.err(`cv-steward: unknown command "${first.slice(0, 40)}". Run "cv-steward --help".\n`);
  return EXIT.usage;
}
