export function ExportPage() {
  return (
    <>
      <h1 tabIndex={-1}>Export</h1>
      <p className="lead">
        This page is not ready yet. Here you will save everything Custom Vision holds about you into a bundle on your
        computer that you can open offline, without CV Steward. Every file in it is checksummed so you can check
        nothing is missing or damaged, and an interrupted export picks up where it stopped instead of starting over.
      </p>
    </>
  );
}
