// GET /api/v1/me with a session cookie: the cost every authenticated request pays (cookie signature check, one
// session lookup joined with the user, zod serialization). Target from the SPEC issue: ≥ 30% of the bare route.
const me = (database) => ({
  name: 'GET /api/v1/me',
  database,
  target: { minRatio: 0.3 },
  async setup(ctx) {
    const { url, cookie } = await ctx.portico(database);
    return { url: `${url}/api/v1/me`, headers: { cookie } };
  },
  run: (ctx, request) => ctx.measure(request),
});

// SQLite is the default; each target is also measured on PostgreSQL (SPEC §6), skipped when none is reachable.
export default [me('sqlite'), me('postgres')];
