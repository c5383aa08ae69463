import { AboutSection } from '../components/about-section';
import { SystemCheckSection } from '../components/system-check-section';

export function SettingsPage() {
  return (
    <>
      <h1 tabIndex={-1}>Settings</h1>
      <AboutSection />
      <SystemCheckSection />
    </>
  );
}
