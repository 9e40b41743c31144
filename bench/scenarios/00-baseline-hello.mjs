// The bare Fastify route every ratio in SPEC §6 is measured against. It runs first (file names sort the scenarios).
export default {
  name: 'GET /hello (bare Fastify)',
  database: '—',
  baseline: true,
  async setup(ctx) {
    const { url } = await ctx.baseline();
    return { url: `${url}/hello` };
  },
  run: (ctx, request) => ctx.measure(request),
};
