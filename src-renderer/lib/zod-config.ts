/**
 * Imported first by main.tsx. zod probes whether it may compile validators with
 * `new Function`, which our CSP (no 'unsafe-eval') forbids and reports; jitless mode
 * skips the probe and the compiled path.
 */
import { config } from 'zod';

config({ jitless: true });
