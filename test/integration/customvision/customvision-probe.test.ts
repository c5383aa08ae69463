/**
 * The connection check (the app's probeWithGetProjects and the CLI's probe) is retried
 * like every other call: a service that answers 503 three times in a row on a bad minute
 * must not make "Connect" fail, while a wrong key still fails at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServices } from '../../../src-main/cli/cli-services';
import { probeWithGetProjects } from '../../../src-main/accounts';
import { sendJson, startLocalServer, type LocalServer } from '../../support/customvision/local-server';

const KEY = 'fedcba9876543210fedcba9876543210';
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** 503 for the first `failures` calls, then an empty project list. */
async function flaky(failures: number): Promise<LocalServer> {
  const server = await startLocalServer((request, res) => {
    if (request.n <= failures) sendJson(res, 503, { error: { code: '503', message: 'The service is temporarily unavailable.' } });
    else sendJson(res, 200, []);
  });
  servers.push(server);
  return server;
}

describe('the connection check', () => {
  it('rides out three 503s in the app (probeWithGetProjects)', async () => {
    const server = await flaky(3);
    await expect(probeWithGetProjects(server.origin, KEY)).resolves.toBeUndefined();
    expect(server.seen).toHaveLength(4);
  }, 20_000);

  it('rides out three 503s in the CLI (probe)', async () => {
    const server = await flaky(3);
    await expect(defaultServices().probe({ endpoint: server.origin, key: KEY, ratePerSecond: 10 })).resolves.toBeUndefined();
    expect(server.seen).toHaveLength(4);
  }, 20_000);

  it('still fails at once on a wrong key', async () => {
    const server = await startLocalServer((_request, res) => sendJson(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key.' } }));
    servers.push(server);
    await expect(probeWithGetProjects(server.origin, KEY)).rejects.toMatchObject({ code: 'WRONG_KEY' });
    expect(server.seen).toHaveLength(1);
  });
});
