/** datasets/README.txt: what each view is, the rules every writer follows, and per-project counts. */
import { EXCLUSION_REASONS } from './image-walk';
import { MAX_NAME_BYTES, MAX_NAME_CHARS } from './folder-names';
import { REGION_SKIP_REASONS } from './regions';
import { total, type ProjectReport } from './report';

const RULES = `CV Steward dataset views
========================

Everything under datasets/ is derived from the canonical records in projects/
(project.json, tags.json, images/images.jsonl, iterations/<iterationId>/images.jsonl) and
refers to the original image files in projects/<projectId>/images/files/ — no image is
copied. Every path written inside these
files is relative to the bundle root (the folder holding manifest.json), with forward
slashes. The files hold no timestamps: the same bundle always gives the same bytes.

VIEWS
Object-detection projects:
  datasets/coco/<projectId>/annotations.json
      Standard COCO: images[].file_name is the original's path, width/height in pixels;
      annotations[].bbox = [x, y, width, height] in pixels from the top-left, area,
      iscrowd 0. Not Microsoft's Image Analysis dialect, whose bboxes stay normalised.
      Image and annotation ids count from 1 in images.jsonl order (oldest first), then
      the images only in iterations; cv_image_id, cv_region_id and cv_tag_id keep Custom
      Vision's ids, and cv_iteration_id marks an image only in that iteration.
  datasets/yolo/<projectId>/
      labels/<imageId>.txt  one line per box: class x_center y_center width height, all
                            normalised to 0..1 (six decimals); empty for background images
      classes.txt           class names, one per line (line breaks in a name become spaces)
      data.yaml             nc and names (exact names)
      images.txt            the images of the dataset, one path per line
      Ultralytics looks for labels by replacing /images/ with /labels/ in each image path:
      to train with it, copy or link each listed file to images/<imageId>.<ext> next to
      labels/.
  datasets/voc/<projectId>/
      Annotations/<imageId>.xml  Pascal VOC; <path> is the original's path; an image only
                                 in an iteration has <source><annotation>Custom Vision
                                 iteration <iterationId></annotation>
      ImageSets/Main/trainval.txt  the image ids of the dataset
Classification projects:
  datasets/csv/<projectId>/labels.csv
      One row per image and tag: image_id, file, tag_id, tag_name, tag_type, iteration_id
      (empty, or the iteration of an image only in iterations). A multilabel image has
      one row per tag (no name is ever joined with a separator).
  datasets/folders/<projectId>/
      Folder-per-tag as a manifest, not copies (README.txt there): files.csv maps
      train/<folder>/<file>, negative/<file> and untagged/<file> to the originals;
      folders.json gives each folder's exact tag name and id.
Every project:
  datasets/excluded/<projectId>/excluded.csv
      Every image of the project the views leave out, one row each: image_id, reason
      (list below), file, iteration_id (set for an image only in iterations). An image
      is in the views or in this file, never neither.

IMAGES ONLY IN ITERATIONS
Images deleted from the workspace but kept by a trained iteration are in the bundle too
(their records in iterations/<iterationId>/images.jsonl, their bytes in images/files/).
The views include them by the same rules as workspace images, with the labels the
iteration's record gives (from the newest iteration that holds the image), marked with
that iteration (cv_iteration_id in COCO, <source><annotation> in VOC, iteration_id in
labels.csv; YOLO has no place for it: see the COCO file). Those the rules leave out are
in excluded.csv with their iteration_id. Each project below counts both.

PROJECT TYPE
A project is object detection when its domain is an ObjectDetection domain in
account/domains.json, or — when that file does not list the domain — one of the public
object-detection domain ids, or when any of its images has regions. Otherwise it is
classification. Each project below says which of these applied.

CLASS IDS
Classes are the project's tags except Negative ones, sorted by tag id (ids never change,
names can): the same tags give the same ids on every run, whatever the record order. Tags
that images reference but tags.json lacks join the same list. COCO category id =
position + 1; YOLO class = position (0-based); data.yaml and the COCO categories carry
each class's tag id.

COORDINATES
Custom Vision regions are fractions of the image (0..1) from the top-left: left, top,
width, height (l, t, w, h). W and H are the image record's width and height in pixels.
  COCO  bbox = [l*W, t*H, w*W, h*H], area = w*W*h*H (floats, rounded to 6 decimals
        only to hide binary floating-point noise)
  YOLO  x_center = l + w/2, y_center = t + h/2, width = w, height = h
  VOC   xmin = round(l*W) + 1, ymin = round(t*H) + 1, xmax = round((l+w)*W),
        ymax = round((t+h)*H): 1-based, inclusive (as py-faster-rcnn reads VOC), clamped to
        [1, W] x [1, H], halves rounded up; a box thinner than one pixel covers the pixel
        it is in. <truncated> is 1 for a region that was clamped.
Before any conversion a region is clamped into the image (left + width <= 1, top + height
<= 1, no negative edges). A region is skipped, and counted below, when it has no tag
(missing-tag), is on a Negative tag (negative-tag), has a coordinate that is not a number
(invalid-coordinates), has width or height <= 0 (zero-size), or lies entirely outside the
image (outside-image).
The file header's pixel size is compared with the record's: a difference (EXIF rotation,
for instance) is counted below; the record's size is used, as the regions were drawn on it.
It is read from the header only when the record has none.

NEGATIVE AND UNTAGGED IMAGES
Detection: an image with no regions and a Negative tag is a background image — in every
view with no objects (empty YOLO label file, VOC file without <object>, COCO image without
annotations). Untagged images are left out (excluded.csv, reason untagged): they are
unlabelled, not empty, and Custom Vision does not train on them either; add them as
background yourself only if you know they contain none of the classes.
Classification: Negative rows keep tag_type Negative in labels.csv; in the folder manifest
Negative images go to negative/ and untagged images to untagged/, both outside train/.
Untagged images are not in labels.csv.

EXCLUSION REASONS (first that applies)
  invalid-record          a line of an images.jsonl that is not an image record
  invalid-id              an id unfit for a file name (not 36 characters of 0-9, a-f, -)
  duplicate               an id seen earlier in images.jsonl
  missing-file            the original image file is not in the bundle
  untagged                no tags and no regions
  all-regions-skipped     detection: every region was skipped (reasons above)
  tagged-without-regions  detection: tags but no regions, so no boxes to give
  unknown-size            detection: no width/height in the record or the file header

FOLDER NAMES (folder-per-tag)
Tag names become folder names like this: Unicode NFC; control and bidi-control characters
and < > : " / \\ | ? * become _; leading spaces are dropped; a leading . = + - or @
becomes _; at most ${MAX_NAME_CHARS} characters and ${MAX_NAME_BYTES} UTF-8 bytes; trailing dots and spaces
are dropped; Windows device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without
an extension) get _ appended; an empty name becomes "tag". Names that are equal ignoring
case are told apart: in tag-id order the first keeps its name, the others get _ and the
first 8 characters of their tag id. folders.json has the exact names.

CSV FILES
RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or line break in
double quotes, quotes doubled), UTF-8 without BOM (in Excel use Data > From Text/CSV
and choose UTF-8). A cell starting with = + - @, a tab or a carriage return is
prefixed with ' so spreadsheets show it as text instead of running it as a formula;
such tag names are exact in folders.json and in projects/<projectId>/tags.json.
`;

function counts(counted: ReadonlyMap<string, number>, order: readonly string[]): string {
  const parts = order.filter((key) => (counted.get(key) ?? 0) > 0).map((key) => `${key} ${counted.get(key) ?? 0}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function projectSection(report: ProjectReport): string {
  const kind = report.kind === 'objectDetection' ? 'object detection' : `classification${report.classificationType ? ` (${report.classificationType})` : ''}`;
  const lines = [
    `${report.projectId}: ${kind}, because ${report.kindReason}.`,
    `  Views: ${report.views.join(', ')}. Classes: ${report.classes}.`,
    `  Images in the views: ${report.images}, of which ${report.backgroundImages} Negative${report.kind === 'objectDetection' ? ' (background)' : ''}.`,
    `  ${report.kind === 'objectDetection' ? 'Boxes' : 'Image-tag rows'}: ${report.annotations}.`,
  ];
  if (report.kind === 'objectDetection') {
    lines.push(`  Regions clamped into the image: ${report.clampedRegions}.`);
    lines.push(`  Regions skipped: ${total(report.skippedRegions)}${counts(report.skippedRegions, REGION_SKIP_REASONS)}.`);
    const examples = report.sizeMismatchExamples.length > 0 ? ` (e.g. ${report.sizeMismatchExamples.join(', ')})` : '';
    lines.push(`  Images whose file size in pixels differs from the record: ${report.sizeMismatches}${examples}.`);
  } else {
    lines.push(`  Tags whose folder name differs from the tag name: ${report.renamedFolders}.`);
  }
  lines.push(`  Images only in trained iterations: ${report.iterationOnlyImages} in the views, ${report.iterationOnlyExcluded} left out.`);
  lines.push(`  Images left out: ${total(report.excluded)}${counts(report.excluded, EXCLUSION_REASONS)}.`);
  return lines.join('\n');
}

export function renderReadme(reports: readonly ProjectReport[]): string {
  const projects = reports.length === 0 ? 'No project in this bundle has records to derive views from.' : reports.map(projectSection).join('\n\n');
  return `${RULES}\nPROJECTS\n${projects}\n`;
}
