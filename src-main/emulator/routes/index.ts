/** Every emulated operation, in one table. */
import type { Route } from '../router';
import { exportRoutes } from './exports';
import { imageReadRoutes } from './images-read';
import { imageUploadRoutes } from './image-upload';
import { imageWriteRoutes } from './images-write';
import { iterationRoutes } from './iterations';
import { performanceRoutes } from './performance';
import { predictionRoutes } from './predictions';
import { projectRoutes } from './projects';
import { tagRoutes } from './tags';

export const ROUTES: readonly Route[] = [
  ...projectRoutes,
  ...iterationRoutes,
  ...performanceRoutes,
  ...exportRoutes,
  ...tagRoutes,
  ...imageReadRoutes,
  ...imageUploadRoutes,
  ...imageWriteRoutes,
  ...predictionRoutes,
];
