import { AccountList } from '../components/account-list';
import { ConnectAccountForm } from '../components/connect-account-form';
import { DemoAccountSection } from '../components/demo-account-section';

export function AccountsPage() {
  return (
    <>
      <h1 tabIndex={-1}>Accounts</h1>
      <p className="lead">
        Connect CV Steward to your Custom Vision training resource with its endpoint and training key. The key is kept
        in your operating system&apos;s keychain, never in a file, and is never shown again: CV Steward only shows a
        short fingerprint of it, so you can tell your keys apart.
      </p>
      <AccountList />
      <ConnectAccountForm />
      <DemoAccountSection />
    </>
  );
}
