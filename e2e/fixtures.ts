/**
 * The instance's operator for the e2e suite: global-setup.ts signs this account up first on the fresh e2e server,
 * so it is the first account and therefore the operator, whatever order the spec files run in.
 */
export const OPERATOR = {
  name: 'Olivia Operator',
  email: 'operator@e2e.example.com',
  password: 'granite-harbor-compass-71',
};
export const PORT = Number(process.env.E2E_PORT ?? 3310);
export const BASE_URL = `http://localhost:${PORT}`;
