import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { createRuntime } from './runtime.js';

/** Starts the server: migrate, listen, run the mail worker, and shut down cleanly on SIGTERM or SIGINT. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const runtime = await createRuntime(config);
  const app = await buildApp(runtime.deps);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Stop taking requests and finish those in flight, then the worker (its current message), then the database.
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  runtime.worker.start();
  const mail =
    runtime.deps.mailTransport.kind === 'mailbox' ? `dev mailbox at ${config.publicUrl}/dev/mailbox` : 'SMTP';
  app.log.info(`Portico is ready at ${config.publicUrl} (database: ${config.database.dialect}; email: ${mail})`);
}
