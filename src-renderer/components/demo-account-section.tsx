import { useState } from 'react';
import { useStewardStore } from '../store';

/** Accounts › No Azure subscription?: starts the built-in demo account. */
export function DemoAccountSection() {
  const startingDemo = useStewardStore((state) => state.startingDemo);
  const startDemo = useStewardStore((state) => state.startDemo);
  const demoActive = useStewardStore((state) => state.demoAccountId !== null && state.activeAccountId === state.demoAccountId);
  const [notice, setNotice] = useState('');

  const start = async () => {
    if (startingDemo) return;
    setNotice('');
    // A failure is shown in the global error list.
    if (await startDemo()) setNotice('The demo account is ready and in use.');
  };

  return (
    <section className="panel" aria-labelledby="demo-heading">
      <h2 id="demo-heading">No Azure subscription?</h2>
      <p>
        The demo account holds sample projects served by a built-in emulator on this computer, so you can explore,
        export and even practise deleting; nothing leaves this computer.
      </p>
      {/* aria-disabled rather than disabled, so keyboard focus stays on the button while it starts. */}
      <button type="button" className="button" aria-disabled={startingDemo || undefined} onClick={() => void start()}>
        {startingDemo ? 'Starting…' : 'Try the demo account'}
      </button>
      <p role="status" className="notice">
        {demoActive ? notice : ''}
      </p>
    </section>
  );
}
