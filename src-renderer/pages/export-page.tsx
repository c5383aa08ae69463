import { useEffect } from 'react';
import { ExportCategories } from '../components/export-categories';
import { ExportDestination } from '../components/export-destination';
import { ExportProjects } from '../components/export-projects';
import { ExportStart } from '../components/export-start';
import { ExportVerify } from '../components/export-verify';
import { useStewardStore } from '../store';

export function ExportPage() {
  const loadInventory = useStewardStore((state) => state.loadExportInventory);

  // The latest inventory gives the counts and the project list; it may have changed since
  // the page was last shown, so it is read again each time.
  useEffect(() => {
    void loadInventory();
  }, [loadInventory]);

  return (
    <>
      <h1 tabIndex={-1}>Export</h1>
      <p className="lead">
        Save everything Custom Vision holds about you into a bundle folder on your computer: original images with their
        labels, iterations and their performance, exported models and stored predictions. Every file is checksummed, so
        you can check later that nothing is missing or damaged, and an interrupted export picks up where it stopped.
        The bundle opens offline, without CV Steward, from its index.html, and includes your images as COCO, YOLO,
        Pascal VOC and CSV datasets for other tools.
      </p>
      <section className="panel" aria-labelledby="export-what-heading">
        <h2 id="export-what-heading">What to export</h2>
        <p>Everything is selected. Take out what you do not need.</p>
        <ExportCategories />
        <ExportProjects />
      </section>
      <ExportDestination />
      <ExportStart />
      <ExportVerify />
    </>
  );
}
