/**
 * The shape of a field table's entries. A field is declared once, and everything that reads or writes its
 * state is generated from the declarations: the link codec, the CLI's flags and --help
 * (src/cli/field-flags.ts) and the form's limits (the `range`). Like tensorflow/playground's State.PROPS,
 * one loop over a table serves both directions: read-fields.ts reads, write-fields.ts writes.
 *
 * Tables: the surfaces view (fields.ts, state ViewState) and the MNIST options (mnist-fields.ts, link
 * keys namespaced `m.`). Generic over the state S and the context C the defaults and parsers need (the
 * registries, the surface shown).
 *
 * Two kinds: a scalar field is one value under one link key and one flag (`steps=500`, `--steps 500`); a
 * family holds the hyperparameters, one link key per entry (`adam.lr=0.05`) and a repeatable flag
 * (`--set adam.lr=0.05`).
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { NumberRange } from './numbers.ts';
import type { Parsed } from './result.ts';

export interface FlagSpec {
  /** Without the dashes: "steps" is `--steps`. */
  readonly name: string;
  /** The value's placeholder in usage lines: "N", "X,Y" ('' for a flag without a value). */
  readonly arg: string;
  /** A flag without a value (`--batchnorm`): given, it stands for this text of the field. */
  readonly present?: string;
  /** Only subcommands that draw a figure take it (`render`): the race itself does not depend on it. */
  readonly figureOnly?: boolean;
}

/**
 * When a link writes the field: 'always' (the surfaces' start, target, budget, noise and seed, so a link
 * keeps its race even if a surface's defaults change), 'unless-default' (compared by formatted text), or a
 * rule of its own.
 */
export type WritePolicy<S, C> = 'always' | 'unless-default' | ((state: S, ctx: C) => boolean);

export interface ScalarField<S, K extends keyof S, C> {
  readonly kind: 'scalar';
  readonly name: K;
  /** Link key (without the table's namespace). */
  readonly key: string;
  /** CLI flag, or null where the CLI does not take the field. */
  readonly flag: FlagSpec | null;
  /** Noun phrase for messages: "the step budget". */
  readonly label: string;
  /** One line for --help. */
  readonly help: string;
  /** Numeric fields: what parse accepts, and the form's limits. */
  readonly range?: NumberRange;
  readonly write: WritePolicy<S, C>;
  /** `state` holds the fields before this one in the table (k's range ends at the step budget). */
  default(ctx: C, state: S): S[K];
  parse(text: string, ctx: C, state: S): Parsed<S[K]>;
  /** The inverse of parse: parse(format(v)) gives v back exactly. */
  format(value: S[K]): string;
}

/** A numeric field: its range is what parse accepts and what the form allows. */
export type RangedField<S, K extends keyof S, C> = ScalarField<S, K, C> & { readonly range: NumberRange };

/** One hyperparameter as read from an entry: `adam.lr` = 0.05. */
export interface HyperEntry {
  readonly optimizer: OptimizerId;
  readonly key: string;
  readonly value: number;
}

/** The hyperparameter family: its state field holds Record<optimizer id, Hyper>. */
export interface FamilyField<S, C> {
  readonly kind: 'family';
  readonly name: keyof S;
  /** Entry link keys have this form. */
  readonly keyForm: string;
  /** Repeatable; its value is `ENTRY=VALUE`. */
  readonly flag: FlagSpec;
  readonly help: string;
  /** Noun phrase for messages about one entry: "adam learning rate" (or "the setting" when unknown). */
  entryLabel(entry: string, ctx: C): string;
  default(ctx: C): Record<string, Hyper>;
  parse(entry: string, text: string, ctx: C): Parsed<HyperEntry>;
}

/** Each scalar field typed by its own name (method parameters are bivariant, so a table can hold them all). */
export type AnyScalarField<S, C> = ScalarField<S, keyof S, C>;
export type AnyField<S, C> = AnyScalarField<S, C> | FamilyField<S, C>;

export interface FieldTable<S, C> {
  /** Prefix of every link key of the table ('' for the surfaces view, 'm.' for MNIST). */
  readonly namespace: string;
  /** In the order links write them and --help lists them. */
  readonly fields: readonly AnyField<S, C>[];
}
