/** GetExports and ExportIteration (Exporting → Done after the configured delay). */
import { badRequest } from '../errors';
import type { Route } from '../router';
import { isExportable } from '../state/training';
import type { ExportRec } from '../state/types';
import { jsonReply } from '../wire';
import { iterationOf, projectOf, query } from './params';
import { renderExport } from './render';

/** Flavours each platform accepts (the v3.3 spec's Export model: Docker/TensorFlow/ONNX). */
const FLAVORS: Record<string, readonly string[]> = {
  DockerFile: ['Linux', 'Windows', 'ARM'],
  TensorFlow: ['TensorFlowNormal', 'TensorFlowLite'],
  ONNX: ['ONNX10', 'ONNX12'],
};

export const exportRoutes: Route[] = [
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations/{iterationId}/export',
    operationId: 'GetExports',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = iterationOf(ctx, project);
      return jsonReply([...iteration.exports.values()].map((exp) => renderExport(ctx, project.id, iteration.id, exp)));
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/iterations/{iterationId}/export',
    operationId: 'ExportIteration',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = iterationOf(ctx, project);
      const platformText = query(ctx, 'platform');
      if (platformText === undefined) throw badRequest('BadRequestRequiredParamIsNull', 'platform is required.');
      const known = ctx.apiVersion === 'v3.4-preview' ? ['CoreML', 'TensorFlow', 'DockerFile', 'ONNX', 'VAIDK', 'OpenVino'] : ['CoreML', 'TensorFlow', 'DockerFile', 'ONNX', 'VAIDK'];
      const platform = known.find((p) => p.toLowerCase() === platformText.toLowerCase());
      if (!platform) throw badRequest('BadRequest', `The value '${platformText.slice(0, 32)}' is not valid for platform.`);
      const flavorText = query(ctx, 'flavor');
      const flavor = flavorText === undefined ? null : (FLAVORS[platform] ?? []).find((f) => f.toLowerCase() === flavorText.toLowerCase());
      if (flavor === undefined) throw badRequest('BadRequestExportValidationFailed', `Flavor '${flavorText ?? ''}' is not valid for ${platform}.`);
      if (iteration.status === 'Training') throw badRequest('BadRequestExportWhileTraining', 'The iteration is still training.');
      if (iteration.status !== 'Completed') throw badRequest('BadRequestIterationIsNotTrained', 'Iteration is not trained.');
      if (!isExportable(iteration)) throw badRequest('BadRequestExportValidationFailed', 'This iteration is not exportable: its domain is not a compact domain.');
      const key = `${platform}|${flavor ?? ''}`;
      if (iteration.exports.get(key)?.status === 'Exporting') {
        throw badRequest('BadRequestExportAlreadyInProgress', 'An export for this platform is already in progress.');
      }
      const exp: ExportRec = { platform, flavor, status: 'Exporting', doneMs: undefined };
      iteration.exports.set(key, exp);
      ctx.core.scheduler.after(ctx.core.config.exportDelayMs, () => {
        if (iteration.exports.get(key) !== exp) return;
        exp.status = 'Done';
        exp.doneMs = ctx.core.state.now();
      });
      return jsonReply(renderExport(ctx, project.id, iteration.id, exp));
    },
  },
];
