/** One form per CLDR plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
/** A catalogue with the same keys as English; plural messages may use other CLDR forms. */
export type Messages<T> = { [K in keyof T]: Message };
