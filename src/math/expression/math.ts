/**
 * The one mathjs instance of the expression pipeline, built from tree-shakeable factories (only parse,
 * derivative and simplify and what they depend on), so the browser bundle does not carry all of mathjs.
 * mathjs docs, "Custom bundling": create({ ...Dependencies }).
 */
import { create, derivativeDependencies, parseDependencies, simplifyDependencies } from 'mathjs';

export const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies });
