export function CleanupPage() {
  return (
    <>
      <h1 tabIndex={-1}>Cleanup</h1>
      <p className="lead">
        This page is not ready yet. Here a step-by-step guide will help you delete your data from Custom Vision
        safely. You will first see and confirm exactly what will be deleted; then it is removed in the right order
        (published models, iterations, images, stored predictions, tags and finally projects), and afterwards
        CV Steward checks again to prove each item is gone and gives you a receipt.
      </p>
    </>
  );
}
