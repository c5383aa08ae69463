import { useStewardStore } from '../store';

/** "Where": the bundle folder, chosen through main's own dialog, and the zip option. */
export function ExportDestination() {
  const folder = useStewardStore((state) => state.exportFolder);
  const choosing = useStewardStore((state) => state.choosingFolder);
  const zip = useStewardStore((state) => state.exportZip);
  const chooseFolder = useStewardStore((state) => state.chooseExportFolder);
  const setZip = useStewardStore((state) => state.setExportZip);

  return (
    <section className="panel" aria-labelledby="export-where-heading">
      <h2 id="export-where-heading">Where</h2>
      <p>
        Choose an empty folder for the bundle. Choosing a folder that already holds an unfinished export resumes it: files
        already saved and checked are kept, and only what is missing is downloaded.
      </p>
      <div className="export-folder-row">
        <button
          type="button"
          className="button"
          aria-disabled={choosing}
          aria-describedby="export-folder-path"
          onClick={() => {
            if (!choosing) void chooseFolder();
          }}
        >
          Choose folder…
        </button>
        <p id="export-folder-path" className="export-folder-path" aria-live="polite">
          {folder ? (
            <>
              Folder: <code>{folder.displayPath}</code>
            </>
          ) : (
            'No folder chosen yet.'
          )}
        </p>
      </div>
      <label className="export-check">
        <input type="checkbox" checked={zip} onChange={(event) => setZip(event.target.checked)} />
        <span className="export-check-text">
          Also create a single .zip file at the end
          <span className="export-check-hint"> — handy to move or archive the bundle as one file</span>
        </span>
      </label>
    </section>
  );
}
