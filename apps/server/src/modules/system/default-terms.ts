/**
 * The Terms and Conditions that ship with Portico, shown until an operator sets the instance's own (Operator →
 * Terms and Conditions). Plain text: /terms shows it as written, line breaks kept.
 */
export const DEFAULT_TERMS = `Terms and Conditions

These are the default terms of this Portico instance. The company that runs it has not published its own terms
yet; until it does, these apply.

1. Who these terms are for
These terms apply to everyone who administers an organization's licenses on this portal. By ticking "I accept the
Terms and Conditions" and promoting yourself to administrator, you accept them for yourself and confirm that your
organization allows you to act for it.

2. What an administrator does
An administrator invites the organization's members, gives them User Rights, assigns and revokes the organization's
products and keeps its contact details up to date. Administrators act for their organization: what they do on this
portal is done in its name.

3. Use of the licenses
The licenses and services shown on this portal are governed by the agreements under which your organization bought
them. This portal does not change those agreements; it only records who may use what. Assign seats only to people
your organization's agreements allow.

4. Your account
Keep your password to yourself and tell the company that runs this portal at once if you think someone else has
used your account. Leave the organization's administration to someone else before you leave the organization.

5. Personal data
The portal keeps the names and email addresses of members, the products assigned to them and the devices that use
them, for as long as the organization uses the portal. Every change is recorded in the organization's audit log.

6. Changes
The company that runs this portal may change these terms. The current text is always at /terms on this portal.
`;
