/**
 * How every bench child process runs its work: it stops if the bench goes away (Ctrl+C,
 * crash) rather than running on unseen, reports a failure to the parent as an `error`
 * message, and disconnects when done so the parent sees it end.
 */
export function runChild(main: () => Promise<void>, describeError: (error: unknown) => string = (error) => (error instanceof Error ? error.message : String(error))): void {
  let finished = false;
  process.on('disconnect', () => {
    if (!finished) process.exit(1);
  });
  main().then(
    () => {
      finished = true;
      process.disconnect?.();
    },
    (error: unknown) => {
      finished = true;
      process.send?.({ type: 'error', message: describeError(error) });
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
}
