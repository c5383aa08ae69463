export function AccountsPage() {
  return (
    <>
      <h1 tabIndex={-1}>Accounts</h1>
      <p className="lead">
        This page is not ready yet. Here you will connect CV Steward to your Custom Vision resource by entering its
        endpoint and training key. The key is kept in your operating system&apos;s keychain, never in a file, and is not
        shown again. No Azure subscription? You will also be able to try the demo account, which holds sample projects
        you can explore, export and even practise deleting.
      </p>
    </>
  );
}
