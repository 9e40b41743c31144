import { Center, Loader } from '@mantine/core';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import { SignedInHome } from './SignedInHome';
import { Welcome } from './Welcome';

export function HomePage() {
  usePageTitle('');
  const me = useMe();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return me.data ? <SignedInHome me={me.data} /> : <Welcome />;
}
