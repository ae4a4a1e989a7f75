/** The element arrays the network runs on: Float32 for training, Float64 for the gradient check. */
export type FloatArray = Float32Array | Float64Array;
