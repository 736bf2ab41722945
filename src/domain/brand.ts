declare const brand: unique symbol;

/** The one brand helper: `string & Brand<'TeamId'>` cannot be passed where an `ItemId` is expected. */
export type Brand<Name extends string> = { readonly [brand]: Name };
