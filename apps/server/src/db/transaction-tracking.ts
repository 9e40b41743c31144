import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types.js';

const current = new AsyncLocalStorage<Transaction<Database>>();

/**
 * Better Auth runs sign-up in a transaction of the Kysely instance we give it. This wrapper remembers that
 * transaction while its callback runs, so our hooks inside it (verification email, audit event, first operator)
 * write with the same transaction and commit or roll back with the account (SPEC §2.7, §2.8).
 */
export function trackTransactions(db: Kysely<Database>): Kysely<Database> {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') return () => trackedBuilder(target.transaction());
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function trackedBuilder<B extends object>(builder: B): B {
  return new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'execute') {
        return <T>(callback: (trx: Transaction<Database>) => Promise<T>) =>
          (value as (cb: typeof callback) => Promise<T>).call(target, (trx) => current.run(trx, () => callback(trx)));
      }
      // Builder methods (isolation level, access mode) return new builders: keep tracking those too.
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result && typeof result === 'object' && 'execute' in result ? trackedBuilder(result) : result;
      };
    },
  });
}

/** The transaction Better Auth is running now, if any. */
export function currentTransaction(): Transaction<Database> | undefined {
  return current.getStore();
}
