export function InventoryPage() {
  return (
    <>
      <h1 tabIndex={-1}>Inventory</h1>
      <p className="lead">
        This page is not ready yet. Here you will see every kind of data Custom Vision holds about you: projects,
        iterations and their performance, tags, images with their regions and metadata, exported models and stored
        predictions. While your account is being scanned, each kind of data gets its own progress bar.
      </p>
    </>
  );
}
