import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What failed, in the user's words, e.g. "This page could not be shown." */
  title: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches render errors below it and offers a way back instead of a blank window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('CV Steward: a view crashed', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <CrashNotice title={this.props.title} error={error} onRetry={this.retry} />;
  }
}

/** A function component, so the words come from the catalogue (hooks need one). */
function CrashNotice({ title, error, onRetry }: { title: ReactNode; error: Error; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="crash">
      <p className="crash-title">{title}</p>
      <p>{error.message || t('errors.crashFallback')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}
