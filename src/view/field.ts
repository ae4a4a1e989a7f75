/**
 * The shape of one entry of the field table (fields.ts). A field is declared once, and everything that
 * reads or writes the view is generated from these declarations: the link codec (link.ts), the CLI's
 * flags and --help (src/cli/view-options.ts) and the form's limits (the `range`). Like
 * tensorflow/playground's State.PROPS, one loop over the table serves both directions (read-view.ts reads,
 * link.ts writes).
 *
 * Two kinds: a scalar field is one value under one link key and one flag (`steps=500`, `--steps 500`); the
 * family holds the hyperparameters, one link key per entry (`adam.lr=0.05`) and a repeatable flag
 * (`--set adam.lr=0.05`).
 */
import type { Hyper, OptimizerId } from '../optim/types.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import type { NumberRange } from './numbers.ts';
import type { FieldName, Parsed } from './result.ts';
import type { ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';

export interface FlagSpec {
  /** Without the dashes: "steps" is `--steps`. */
  readonly name: string;
  /** The value's placeholder in usage lines: "N", "X,Y". */
  readonly arg: string;
  /** Only subcommands that draw a figure take it (`render`): the race itself does not depend on it. */
  readonly figureOnly?: boolean;
}

export interface FieldContext {
  readonly vocab: ViewVocabulary;
  /** The registry surface the view shows, or null for a typed expression. */
  readonly def: SurfaceDef | null;
  /** The view read so far: fields earlier in the table are final (k's range ends at the step budget). */
  readonly view: ViewState;
}

/**
 * When a link writes the field: 'always' (start, target, budget, noise and seed, so a link keeps its race
 * even if a surface's defaults change), 'unless-default' (compared by formatted text), or a rule of its own.
 */
export type WritePolicy = 'always' | 'unless-default' | ((view: ViewState, def: SurfaceDef | null) => boolean);

export interface ScalarField<K extends FieldName> {
  readonly kind: 'scalar';
  readonly name: K;
  /** Link key. */
  readonly key: string;
  /** CLI flag, or null where the CLI does not take the field. */
  readonly flag: FlagSpec | null;
  /** Noun phrase for messages: "the step budget". */
  readonly label: string;
  /** One line for --help. */
  readonly help: string;
  /** Numeric fields: what parse accepts, and the form's limits. */
  readonly range?: NumberRange;
  readonly write: WritePolicy;
  /** Default for a registry surface, or (def null) for a typed expression. */
  default(def: SurfaceDef | null, vocab: ViewVocabulary): ViewState[K];
  parse(text: string, ctx: FieldContext): Parsed<ViewState[K]>;
  /** The inverse of parse: parse(format(v)) gives v back exactly. */
  format(value: ViewState[K]): string;
}

/** A numeric field: its range is what parse accepts and what the form allows. */
export type RangedField<K extends FieldName> = ScalarField<K> & { readonly range: NumberRange };

/** One hyperparameter as read from an entry: `adam.lr` = 0.05. */
export interface HyperEntry {
  readonly optimizer: OptimizerId;
  readonly key: string;
  readonly value: number;
}

export interface FamilyField {
  readonly kind: 'family';
  readonly name: 'hyper';
  /** Entry link keys have this form. */
  readonly keyForm: string;
  /** Repeatable; its value is `ENTRY=VALUE`. */
  readonly flag: FlagSpec;
  readonly help: string;
  /** Noun phrase for messages about one entry: "adam learning rate" (or "the setting" when unknown). */
  entryLabel(entry: string, vocab: ViewVocabulary): string;
  default(def: SurfaceDef | null, vocab: ViewVocabulary): Record<string, Hyper>;
  parse(entry: string, text: string, ctx: FieldContext): Parsed<HyperEntry>;
  /** The entries a link writes: those that differ from the defaults, as [entry, text]. */
  entries(view: ViewState, defaults: ViewState, vocab: ViewVocabulary): [string, string][];
}

/** Each scalar field typed by its own name (method parameters are bivariant, so the table can hold them all). */
export type AnyScalarField = ScalarField<FieldName>;
export type AnyField = AnyScalarField | FamilyField;
