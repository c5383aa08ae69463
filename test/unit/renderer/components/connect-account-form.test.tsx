// @vitest-environment happy-dom
/**
 * Accounts › Connect an account: an empty field is answered at once, next to the form, with
 * the cursor put where the fix goes; a good endpoint and key reach main, after which every
 * field (the key above all) is empty and the form says which account it connected; main's
 * refusal is shown in the form, not lost.
 */
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectAccountForm } from '../../../../src-renderer/components/connect-account-form';
import { i18n } from '../../../../src-renderer/i18n';
import { createStewardStore } from '../../../../src-renderer/store';
import { componentTestLifecycle, showStore, update } from '../../../support/renderer/show-store';
import { FakeMain } from '../../../support/renderer/fakes';

const ENDPOINT = 'https://contoso.cognitiveservices.azure.com/';
const KEY = '0123456789abcdef0123456789abcdef';
componentTestLifecycle();

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  showStore(store);
  render(<ConnectAccountForm />);
  return { main, store };
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const connect = () => screen.getByRole('button', { name: 'Connect' });

describe('ConnectAccountForm', () => {
  it('answers an empty endpoint at once, marks the field and puts the cursor in it', async () => {
    const { main } = setup();
    await userEvent.click(connect());

    expect(screen.getByRole('alert').textContent).toContain('Enter the endpoint of your Custom Vision training resource.');
    expect(field('Endpoint').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Endpoint'));
    expect(main.accounts.receivedKeys).toEqual([]);
  });

  it('asks for the key when only the endpoint is given, with the cursor in the key field', async () => {
    const { main } = setup();
    await userEvent.type(field('Endpoint'), ENDPOINT);
    await userEvent.click(connect());

    expect(screen.getByRole('alert').textContent).toContain('Enter the training key (Key 1 or Key 2).');
    expect(field('Training key').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Training key'));
    expect(main.accounts.receivedKeys).toEqual([]);
  });

  it('hands the key to main, then clears every field and says which account is connected', async () => {
    const { main, store } = setup();
    await userEvent.type(field('Endpoint'), ENDPOINT);
    await userEvent.type(field('Training key'), KEY);
    await userEvent.type(field('Name (optional)'), 'Contoso vision');
    await userEvent.click(connect());

    expect(await screen.findByText('Connected to Contoso vision.')).toBeTruthy();
    expect(main.accounts.receivedKeys).toEqual([KEY]);
    expect(field('Training key').value).toBe('');
    expect(field('Endpoint').value).toBe('');
    expect(field('Name (optional)').value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    // The store kept the account, never the key.
    expect(JSON.stringify(store.getState().accounts)).not.toContain(KEY);
  });

  it('shows main’s refusal and keeps the key in its field to correct', async () => {
    const { main } = setup();
    main.failWith('accounts.connect', { code: 'WRONG_KEY', message: 'The service refused this training key.' });
    await userEvent.type(field('Endpoint'), ENDPOINT);
    await userEvent.type(field('Training key'), KEY);
    await userEvent.click(connect());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('WRONG_KEY');
    expect(field('Training key').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Training key'));
    expect(field('Training key').value).toBe(KEY);
  });

  it('says it is checking while main has the request, and sends nothing more', async () => {
    const { main, store } = setup();
    update(store, { connecting: true });
    const checking = screen.getByRole('button', { name: 'Checking…' });
    expect(checking.getAttribute('aria-disabled')).toBe('true');
    await userEvent.type(field('Endpoint'), ENDPOINT);
    await userEvent.type(field('Training key'), KEY);
    await userEvent.click(checking);
    expect(main.accounts.receivedKeys).toEqual([]);
  });

  it('speaks Traditional Chinese when the page does', async () => {
    setup();
    await i18n.changeLanguage('zh-TW');
    await userEvent.click(await screen.findByRole('button', { name: '連線' }));
    expect(screen.getByRole('alert').textContent).toContain('請輸入您 Custom Vision 訓練資源的端點。');
  });
});
