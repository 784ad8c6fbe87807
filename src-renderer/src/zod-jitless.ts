// Imported first by main.ts. zod 4 compiles fast object parsers with `new Function` when it may; under the
// renderer's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') its probe would be refused and
// reported as a violation. Jitless mode parses the same way without ever trying eval.
import { z } from 'zod';

z.config({ jitless: true });
