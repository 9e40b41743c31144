import { useMe } from './session';

/**
 * What the signed-in user is in an organization: its name when they belong to it, and whether they may run it
 * (an administrator, or an operator, who may open any organization: SPEC §3).
 */
export function useStanding(org: string) {
  const me = useMe().data;
  const membership = me?.organizations.find((o) => o.id === org);
  return {
    /** Undefined while /me loads. */
    me,
    name: membership?.name ?? null,
    rights: membership?.rights ?? null,
    administers: membership?.rights === 'admin' || me?.isOperator === true,
  };
}
