/** Derived dataset views of an export bundle (COCO, YOLO, Pascal VOC, CSV, folder-per-tag). */
export { writeDatasets } from './write-datasets';
export type { DatasetProjectSummary, DatasetSummary, WriteDatasetsOptions } from './write-datasets';
export { sanitiseFolderName, assignFolderNames } from './folder-names';
export { PUBLIC_OBJECT_DETECTION_DOMAIN_IDS } from './project-kind';
