/** A target with a URL scheme (`https://…`, `git://…`): recorded, never fetched. */
export const isRemote = (target: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
