import { useTranslation } from 'react-i18next';
import { AccountList } from '../components/account-list';
import { ConnectAccountForm } from '../components/connect-account-form';
import { DemoAccountSection } from '../components/demo-account-section';

export function AccountsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t('accounts.title')}</h1>
      <p className="lead">{t('accounts.lead')}</p>
      <AccountList />
      <ConnectAccountForm />
      <DemoAccountSection />
    </>
  );
}
