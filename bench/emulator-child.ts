/**
 * The emulator's own process (forked by the bench), so its CPU and memory never count in
 * the exporter's figures. Builds the account, starts the emulator (and the blob-latency
 * proxy), works out the account's shape from the emulator's state — independently of the
 * exporter — and, when asked for a bandwidth cap, sizes it from the account's real blob
 * bytes. Answers `usage` with its CPU time and `remaining` with the images it still holds;
 * exits on `stop` or when the parent goes.
 */
import { startEmulator, type AccountState } from '../src-main/emulator';
import { generateImage } from '../src-main/emulator/images';
import { memoryAccount, timeAccount } from './accounts';
import { startLatencyProxy } from './latency-proxy';
import type { AccountShape, EmulatorReady, EmulatorRemaining, EmulatorRequest, EmulatorUsage, ProjectShape } from './protocol';

/** Model archives are a 48 KB pseudo model plus labels.txt and ZIP headers. */
const MODEL_BYTES_ESTIMATE = 49 * 1024;

function send(message: EmulatorReady | EmulatorUsage | EmulatorRemaining | { type: 'error'; message: string }): void {
  process.send?.(message);
}

function imageBytes(spec: { seed: number; width: number; height: number; format: 'png' | 'jpeg' | 'bmp' | 'gif'; label: string | undefined }): number {
  const base = { seed: spec.seed, width: spec.width, height: spec.height, format: spec.format };
  return generateImage(spec.label === undefined ? base : { ...base, label: spec.label }).length;
}

/** The account as the service holds it: what a complete export must list and download. */
function shapeOf(state: AccountState, withBytes: boolean): AccountShape {
  let bytes = 0;
  let imageFiles = 0;
  const projects: ProjectShape[] = [];
  for (const project of state.projects.values()) {
    const workspace = project.images.all();
    const onlyInIterations = new Map<string, (typeof workspace)[number]>();
    const shape: ProjectShape = { id: project.id, name: project.name, workspace: workspace.length, onlyInIterations: 0, iterations: [], predictions: project.predictions.size };
    for (const iteration of project.iterations.values()) {
      const snapshot = iteration.snapshot?.images.all() ?? [];
      for (const image of snapshot) if (!project.images.has(image.id)) onlyInIterations.set(image.id, image);
      const trained = iteration.status === 'Completed';
      const exportsDone = [...iteration.exports.values()].filter((record) => record.status === 'Done').length;
      // Iterations snapshot tagged images only: untagged queries with an iterationId are empty.
      shape.iterations.push({ id: iteration.id, trained, tagged: snapshot.length, untagged: 0, performances: trained ? snapshot.length : 0, exportsDone });
      bytes += exportsDone * MODEL_BYTES_ESTIMATE;
    }
    shape.onlyInIterations = onlyInIterations.size;
    imageFiles += workspace.length + onlyInIterations.size;
    if (withBytes) {
      for (const image of workspace) bytes += imageBytes(image);
      for (const image of onlyInIterations.values()) bytes += imageBytes(image);
      for (const prediction of project.predictions.values()) bytes += imageBytes(prediction);
    }
    projects.push(shape);
  }
  return { projects, imageFiles, blobBytes: withBytes ? bytes : undefined };
}

/** Images the emulator holds right now, read from its state (not through the API the cleanup used). */
function remainingIn(state: AccountState): EmulatorRemaining {
  let workspaceImages = 0;
  let iterationImages = 0;
  for (const project of state.projects.values()) {
    workspaceImages += project.images.size;
    for (const iteration of project.iterations.values()) iterationImages += iteration.snapshot?.images.size ?? 0;
  }
  return { type: 'remaining', workspaceImages, iterationImages, projects: state.projects.size };
}

async function start(request: EmulatorRequest): Promise<void> {
  const started = performance.now();
  const seed = request.account === 'time' ? timeAccount(request.images) : memoryAccount(request.images);
  // No cap while the shape is worked out; it is set once the bytes are known.
  const emulator = await startEmulator({ seed, tps: request.tps, latencyMs: request.latencyMs });
  const shape = shapeOf(emulator.state, request.bandwidthSeconds > 0);
  let bandwidthKbps = 0;
  if (request.bandwidthSeconds > 0 && shape.blobBytes !== undefined) {
    bandwidthKbps = Math.max(1, Math.round((shape.blobBytes * 8) / 1000 / request.bandwidthSeconds));
    emulator.configure({ bandwidthKbps });
  }
  const proxy = request.blobLatencyMs > 0 ? await startLatencyProxy(emulator.endpoint, request.blobLatencyMs) : undefined;
  const stop = async (): Promise<void> => {
    await proxy?.close();
    await emulator.close();
    process.exit(0);
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'usage') {
      const cpu = process.cpuUsage();
      send({ type: 'usage', cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (message.type === 'remaining') send(remainingIn(emulator.state));
  });
  process.on('disconnect', () => void stop());
  send({
    type: 'ready',
    endpoint: proxy?.endpoint ?? emulator.endpoint,
    emulatorEndpoint: emulator.endpoint,
    key: emulator.key,
    shape,
    bandwidthKbps,
    startupMs: performance.now() - started,
  });
}

process.once('message', (message: EmulatorRequest) => {
  start(message).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
