import { z } from "zod";

// In the browser zod probes `new Function` to speed up parsing; under our Content Security Policy that
// probe is refused and reported as a violation. Parse without it there (the server keeps the fast path).
if (typeof window !== "undefined") z.config({ jitless: true });
