/**
 * The one vector type of the math core. Surfaces use 2-element Float64Arrays; the MNIST network packs
 * ~50k parameters in one Float32Array. Every optimizer kernel is written against this union so a single
 * implementation serves both (design.md: "One optimizer implementation serves both tabs").
 */
export type Vec = Float64Array | Float32Array;

/** A zeroed vector of the same element type and length as `like` (used by optimizer `init`, never per step). */
export function zerosLike(like: Vec): Vec {
  return like instanceof Float32Array ? new Float32Array(like.length) : new Float64Array(like.length);
}
