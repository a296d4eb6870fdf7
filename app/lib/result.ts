// Expected failures are values with names; only bugs throw (docs/style.md, convention 4).

export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** A named, expected failure. `kind` is the closed set a caller switches on. */
export interface Failure<K extends string = string> {
  kind: K;
  /** A sentence a merchant understands. */
  message: string;
  /** What an engineer needs; never shown to merchants, never containing secrets. */
  detail?: unknown;
}

export const failure = <K extends string>(kind: K, message: string, detail?: unknown): Failure<K> => ({
  kind,
  message,
  detail,
});
