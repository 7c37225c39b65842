// Intentionally empty: stands in for the `server-only` marker outside Next.js bundles.
