import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../src-main/cli/run-cli';
import { CustomVisionError } from '../../../src-main/customvision';
import { ENDPOINT, KEY, PROJECT_ID, run } from '../../support/cli/cli-fakes';

const withKey = { env: { CV_STEWARD_TRAINING_KEY: KEY } };

describe('cv-steward: help, version and commands', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: EXIT.done, out: '9.9.9\n', err: '' });
  });

  it('prints help listing the commands, how to give the key, and the exit codes', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(EXIT.done);
    for (const command of ['inventory', 'export', 'verify', 'cleanup']) expect(out).toContain(command);
    expect(out).toContain('CV_STEWARD_TRAINING_KEY');
    expect(out).toContain('Exit codes: 0 done; 1 failed or incomplete; 2 usage error');
  });

  it('exits 2 with help when no command is given', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(EXIT.usage);
    expect(out).toContain('Usage: cv-steward');
  });

  it('has --help for each command, also as "help <command>" and with other options around it', async () => {
    const inventory = await run(['inventory', '--help']);
    expect(inventory.code).toBe(EXIT.done);
    expect(inventory.out).toContain('Usage: cv-steward inventory (--endpoint URL | --account ID)');
    const exportHelp = await run(['help', 'export']);
    expect(exportHelp.out).toContain('--categories LIST');
    expect(exportHelp.out).toContain('projects, iterations, performance, tags, images, models, predictions');
    const verify = await run(['verify', '--bogus', '-h']);
    expect(verify).toMatchObject({ code: EXIT.done, err: '' });
    expect(verify.out).toContain('Usage: cv-steward verify DIR');
  });

  it('asks for the cleanup action and refuses a run without a backup decision or a confirmation', async () => {
    const bare = await run(['cleanup']);
    expect(bare.code).toBe(EXIT.usage);
    expect(bare.err).toContain('cleanup needs an action first');
    const noBackup = await run(['cleanup', 'run', '--endpoint', 'https://x.cognitiveservices.azure.com/', '--plan', 'p.json', '--confirm', 'x']);
    expect(noBackup.code).toBe(EXIT.usage);
    expect(noBackup.err).toContain('Nothing is deleted without a backup');
    const noConfirm = await run(['cleanup', 'run', '--endpoint', 'https://x.cognitiveservices.azure.com/', '--plan', 'p.json', '--no-backup']);
    expect(noConfirm.code).toBe(EXIT.usage);
    expect(noConfirm.err).toContain('--confirm');
    const badScope = await run(['cleanup', 'plan', '--endpoint', 'https://x.cognitiveservices.azure.com/', '--scope', 'everything', '--out', 'p.json']);
    expect(badScope.code).toBe(EXIT.usage);
    expect(badScope.err).toContain('--scope');
    const help = await run(['cleanup', '--help']);
    expect(help.code).toBe(EXIT.done);
    expect(help.out).toContain('project:ID:CATEGORY');
  });

  it('rejects unknown commands, including object-prototype names, without echoing key-like ones', async () => {
    for (const name of ['frobnicate', 'toString', 'constructor']) {
      const { code, err } = await run([name]);
      expect(code).toBe(EXIT.usage);
      expect(err).toContain(`unknown command "${name}"`);
    }
    const pasted = await run([KEY]);
    expect(pasted.code).toBe(EXIT.usage);
    expect(pasted.err).toContain('unknown command.');
    expect(pasted.err).not.toContain(KEY);
  });

  it('asks for the command first when options come first', async () => {
    const { code, err } = await run(['--endpoint', ENDPOINT, 'inventory']);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('put the command first');
  });
});

describe('cv-steward: the key is never an argument', () => {
  it('refuses --key (in any spelling) with the reason and the alternatives, without echoing the value', async () => {
    for (const argv of [
      ['inventory', '--endpoint', ENDPOINT, '--key', KEY],
      ['export', '--out', 'x', `--key=${KEY}`],
      ['inventory', '--training-key', KEY],
      ['--key', KEY, 'inventory'],
    ]) {
      const { code, out, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(EXIT.usage);
      expect(err).toContain('the key is never taken as an argument');
      expect(err).toContain('shell history');
      expect(err).toContain('CV_STEWARD_TRAINING_KEY');
      expect(err).toContain('--account ID');
      expect(out + err).not.toContain(KEY);
    }
  });

  it('exits 2 and explains how to set CV_STEWARD_TRAINING_KEY when it is missing or blank', async () => {
    for (const env of [{}, { CV_STEWARD_TRAINING_KEY: '   ' }] as Array<Record<string, string>>) {
      const { code, err } = await run(['inventory', '--endpoint', ENDPOINT], { env });
      expect(code).toBe(EXIT.usage);
      expect(err).toContain('environment variable CV_STEWARD_TRAINING_KEY, which is not set or empty');
      expect(err).toContain('read -rs CV_STEWARD_TRAINING_KEY');
    }
  });

  it('does not echo a key pasted as an argument, an endpoint, an account id or an option value', async () => {
    const cases = [
      ['inventory', '--endpoint', ENDPOINT, KEY],
      ['inventory', '--endpoint', KEY],
      ['inventory', `--frobnicate=${KEY}`],
      ['export', '--out', 'x', '--endpoint', ENDPOINT, '--projects', KEY],
      ['export', '--out', 'x', '--endpoint', ENDPOINT, '--categories', KEY],
    ];
    for (const argv of cases) {
      const { code, out, err } = await run(argv, withKey);
      expect(code, argv.join(' ')).toBe(EXIT.usage);
      expect(out + err).not.toContain(KEY);
    }
    const asEndpoint = await run(['inventory', '--endpoint', KEY], withKey);
    expect(asEndpoint.err).toContain('looks like a training key, not an endpoint');
  });
});

describe('cv-steward: choosing the account', () => {
  it('passes normalizeEndpoint\'s explanation on for a malformed endpoint (exit 2)', async () => {
    const { code, err } = await run(['inventory', '--endpoint', 'https://www.customvision.ai/projects'], withKey);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('--endpoint: That is the Custom Vision web site (customvision.ai), not the API endpoint.');
    const plainHttp = await run(['inventory', '--endpoint', 'http://myres.cognitiveservices.azure.com'], withKey);
    expect(plainHttp.err).toContain('must use https');
  });

  it('needs exactly one of --endpoint and --account', async () => {
    const neither = await run(['inventory'], withKey);
    expect(neither.code).toBe(EXIT.usage);
    expect(neither.err).toContain('Say which account to use: --endpoint URL');
    const both = await run(['inventory', '--endpoint', ENDPOINT, '--account', 'abc'], withKey);
    expect(both.code).toBe(EXIT.usage);
    expect(both.err).toContain('either --endpoint or --account, not both');
  });

  it('reports a wrong key with the client\'s WRONG_KEY message and the key\'s fingerprint, never the key (exit 1)', async () => {
    const refused = new CustomVisionError('GetProjects failed: the service refused the training key (HTTP 401).', { kind: 'http', code: 'WRONG_KEY', operation: 'GetProjects', status: 401 });
    const { code, out, err } = await run(['inventory', '--endpoint', ENDPOINT, '--json'], { ...withKey, services: { probe: () => Promise.reject(refused) } });
    expect(code).toBe(EXIT.failed);
    expect(err).toContain('the service refused the training key');
    expect(err).toMatch(/key in CV_STEWARD_TRAINING_KEY \(fingerprint [0-9a-f]{8}\)/);
    expect(JSON.parse(out)).toMatchObject({ command: 'inventory', ok: false, error: { code: 'WRONG_KEY' } });
    expect(out + err).not.toContain(KEY);
  });

  it('names the endpoint when the host cannot be reached (exit 1)', async () => {
    const unreachable = new CustomVisionError('GetProjects failed: the server could not be reached (network error).', { kind: 'network', code: 'UNREACHABLE', operation: 'GetProjects' });
    const { code, err } = await run(['inventory', '--endpoint', ENDPOINT], { ...withKey, services: { probe: () => Promise.reject(unreachable) } });
    expect(code).toBe(EXIT.failed);
    expect(err).toContain('could not be reached');
    expect(err).toContain('Endpoint: https://myresource.cognitiveservices.azure.com');
  });

  it('hides the key even when a service echoes it back', async () => {
    const echo = new Error(`socket hang up while sending ${KEY}`);
    const { code, out, err } = await run(['inventory', '--endpoint', ENDPOINT], { ...withKey, services: { probe: () => Promise.reject(echo) } });
    expect(code).toBe(EXIT.failed);
    expect(err).toContain('[key hidden]');
    expect(out + err).not.toContain(KEY);
  });
});

describe('cv-steward export: options', () => {
  const base = ['export', '--endpoint', ENDPOINT];

  it('requires --out', async () => {
    const { code, err } = await run(base, withKey);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('--out DIR');
  });

  it('checks --categories, --projects and --rate before any call is made', async () => {
    let probed = false;
    const services = { probe: () => ((probed = true), Promise.resolve()) };
    const categories = await run([...base, '--out', 'x', '--categories', 'images,pictures'], { ...withKey, services });
    expect(categories.err).toContain('"pictures" is not one of them');
    const projects = await run([...base, '--out', 'x', '--projects', `${PROJECT_ID},nope`], { ...withKey, services });
    expect(projects.err).toContain('value 2 is not one');
    for (const rate of ['0', '-1', 'fast', '5000']) {
      const result = await run([...base, '--out', 'x', `--rate=${rate}`], { ...withKey, services });
      expect(result.err, rate).toContain('--rate needs a number of calls per second');
    }
    const missingValue = await run([...base, '--out'], { ...withKey, services });
    expect(missingValue.err).toContain('--out needs a value');
    const dashed = await run([...base, '--out', 'x', '--rate', '-1'], { ...withKey, services });
    expect(dashed.err).toContain('--rate needs a value (a value starting with "-" is written --rate=VALUE)');
    const flagValue = await run([...base, '--out', 'x', '--zip=yes'], { ...withKey, services });
    expect(flagValue.err).toContain('--zip does not take a value');
    for (const result of [categories, projects, missingValue, dashed, flagValue]) expect(result.code).toBe(EXIT.usage);
    expect(probed).toBe(false);
  });

  it('verify takes exactly one folder', async () => {
    expect((await run(['verify'])).err).toContain('cv-steward verify DIR');
    expect((await run(['verify', 'a', 'b'])).err).toContain('one bundle folder at a time');
    expect((await run(['verify', '/definitely/not/here'])).code).toBe(EXIT.usage);
  });
});
