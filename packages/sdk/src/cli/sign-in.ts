import type { Command } from 'commander';
import type { SignIn } from '../device-flow.js';
import { PorticoLicenseError, SignInError } from '../errors.js';
import { SDK_VERSION } from '../version.js';
import { type CliContext, contextOf, EXIT } from './context.js';

const CLIENT_ID = 'portico-license';

function showCode(ctx: CliContext, signIn: SignIn, waiting: boolean): void {
  ctx.print(
    {
      event: 'code',
      userCode: signIn.userCode,
      verificationUri: signIn.verificationUri,
      verificationUriComplete: signIn.verificationUriComplete,
      expiresIn: signIn.expiresIn,
      interval: signIn.interval,
    },
    [
      `To sign in, open ${signIn.verificationUri} and enter the code: ${signIn.userCode}`,
      `Or open this link: ${signIn.verificationUriComplete}`,
      waiting
        ? `Waiting for approval (the code expires in ${Math.round(signIn.expiresIn / 60)} minutes)…`
        : 'Then run: portico-license login --resume',
    ],
  );
}

async function waitFor(ctx: CliContext, signIn: SignIn): Promise<number> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  try {
    await signIn.wait({ signal: abort.signal });
    ctx.print({ event: 'signed-in', server: ctx.client.serverUrl }, `Signed in to ${ctx.client.serverUrl}.`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof SignInError) || error.code === 'aborted') throw error;
    ctx.print({ event: 'refused', error: { code: error.code, message: error.message } }, error.message);
    return EXIT.refused;
  } finally {
    process.off('SIGINT', stop);
  }
}

export function registerSignInCommands(program: Command, run: (work: () => Promise<number>) => Promise<void>): void {
  program
    .command('login')
    .description('sign in through the browser (shows a code to approve at the server’s /device page)')
    .option('--no-wait', 'print the code and exit; finish later with `login --resume`')
    .option('--resume', 'wait for the sign-in started earlier with --no-wait')
    .action((options: { wait: boolean; resume?: boolean }, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        if (options.resume) {
          const pending = await ctx.client.resumeSignIn();
          if (!pending) throw new PorticoLicenseError('NO_PENDING_SIGN_IN', 'No sign-in is waiting: run login first');
          showCode(ctx, pending, true);
          return waitFor(ctx, pending);
        }
        const machine = ctx.machine();
        const signIn = await ctx.client.startSignIn({
          clientId: CLIENT_ID,
          application: 'Portico License CLI',
          machine: { name: machine.name, platform: machine.platform, appVersion: SDK_VERSION },
        });
        showCode(ctx, signIn, options.wait);
        return options.wait ? waitFor(ctx, signIn) : EXIT.ok;
      }),
    );

  program
    .command('logout')
    .description('sign out: the server releases this sign-in’s activations, and the token is forgotten here')
    .action((_options: unknown, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        const { reachable } = await ctx.client.signOut();
        ctx.print(
          { signedOut: true, serverTold: reachable },
          reachable ? 'Signed out.' : 'Signed out here; the server could not be reached (its token ends on expiry).',
        );
        return EXIT.ok;
      }),
    );
}
