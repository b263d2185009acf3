// Stands in for `server-only` in tests, which import server modules directly.
export {};
