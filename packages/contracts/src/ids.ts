/** Id prefixes (SPEC §4.2). Ids are `prefix_` + 26 lower-case Crockford base32 characters, sortable by creation time. */
export const ID_PATTERN = /^[a-z]{2,3}_[0-9a-hjkmnp-tv-z]{26}$/;
