/**
 * The contents of an exported model archive. Real exports hold a trained network; ours
 * hold `labels.txt` (the iteration's tag names, one per line) and a deterministic pseudo
 * model file named as the platform would name it, so downloads are real, verifiable ZIPs.
 */
import { createPrng } from './prng';
import { writeZip, type ZipEntry } from './zip';

const MODEL_FILE: Record<string, string> = {
  TensorFlow: 'model.pb',
  CoreML: 'model.mlmodel',
  ONNX: 'model.onnx',
  VAIDK: 'model.dlc',
  OpenVino: 'model.bin',
  DockerFile: 'app/model.pb',
};

function pseudoModel(name: string, bytes: number): Buffer {
  const prng = createPrng(name);
  const out = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) out.writeUInt32LE(Math.floor(prng.next() * 0x1_0000_0000), Math.min(i, bytes - 4));
  return out;
}

export function modelArchive(input: {
  iterationId: string;
  platform: string;
  flavor: string | null;
  tagNames: readonly string[];
  modifiedMs: number;
}): Buffer {
  const labels = Buffer.from([...input.tagNames].sort((a, b) => a.localeCompare(b)).join('\n') + '\n', 'utf8');
  const modelName = input.flavor === 'TensorFlowLite' ? 'model.tflite' : (MODEL_FILE[input.platform] ?? 'model.bin');
  const entries: ZipEntry[] = [];
  if (input.platform === 'DockerFile') {
    entries.push({ name: 'Dockerfile', data: Buffer.from('FROM python:3.7-slim\nCOPY app /app\nCMD ["python", "/app/app.py"]\n') });
    entries.push({ name: 'app/labels.txt', data: labels });
  } else {
    entries.push({ name: 'labels.txt', data: labels });
  }
  entries.push({ name: modelName, data: pseudoModel(`${input.iterationId}|${input.platform}|${input.flavor ?? ''}`, 48 * 1024) });
  return writeZip(entries, input.modifiedMs);
}
