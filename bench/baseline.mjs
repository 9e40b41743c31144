// The reference point for every ratio target in SPEC §6: a bare Fastify 5 "hello JSON" route on the same machine,
// in the same run. It runs in its own process so that it never shares an event loop with the load generator.
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0) {
  console.error('baseline: PORT must be set to a free port');
  process.exit(78);
}

// Logger off: the baseline is the framework's own cost, nothing else.
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));

const close = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port, host });
