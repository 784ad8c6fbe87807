// Worker entry when running from TypeScript source (tsx, vitest): registers tsx in this thread, then loads the
// real worker. Bundled builds use out/main/solver-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
