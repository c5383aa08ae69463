/**
 * A Settings panel that explains one folder CV Steward keeps and offers one button to open
 * or show it in the file manager (the data folder, the log files).
 */
export interface FolderActionSectionProps {
  /** Prefix of the heading's id, which names the panel for screen readers. */
  id: string;
  heading: string;
  text: string;
  action: string;
  onAction: () => Promise<unknown>;
}

export function FolderActionSection({ id, heading, text, action, onAction }: FolderActionSectionProps) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{text}</p>
      <button type="button" className="button" onClick={() => void onAction()}>
        {action}
      </button>
    </section>
  );
}
