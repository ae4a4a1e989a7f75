/**
 * An SVG path's `d` written into one reused byte buffer and turned into a string once, so a path of
 * thousands of points leaves one string behind, not a rope of pieces (README, "Memory"). Commands are
 * written as d3-path writes them with its default digits(3): "M{x},{y}", "L{x},{y}", "Z", each coordinate
 * Math.round(v · 1000) / 1000 in JavaScript's shortest form ("12", "-3.5", "0.125"). Coordinates are
 * finite pixels; beyond ±1e12 (off any screen) they are written as ±1e12.
 */
const LIMIT = 1e12;
const decoder = new TextDecoder();
const M = 77;
const L = 76;
const Z = 90;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

export class PathText {
  private bytes = new Uint8Array(4096);
  private length = 0;

  /** Starts a new, empty path. */
  clear(): void {
    this.length = 0;
  }

  moveTo(x: number, y: number): void {
    this.point(M, x, y);
  }

  lineTo(x: number, y: number): void {
    this.point(L, x, y);
  }

  closePath(): void {
    this.room(1);
    this.bytes[this.length++] = Z;
  }

  /** The path written since clear(). */
  text(): string {
    return decoder.decode(this.bytes.subarray(0, this.length));
  }

  private point(command: number, x: number, y: number): void {
    // A command, two coordinates of at most 17 characters each ("-1000000000000.125") and a comma.
    this.room(37);
    this.bytes[this.length++] = command;
    this.number(x);
    this.bytes[this.length++] = COMMA;
    this.number(y);
  }

  /** Writes round(v · 1000) / 1000: an integer number of thousandths, exact below 2^53. */
  private number(v: number): void {
    let m = Math.round(Math.max(-LIMIT, Math.min(LIMIT, v)) * 1000);
    if (m < 0) {
      this.bytes[this.length++] = MINUS;
      m = -m;
    }
    const whole = Math.floor(m / 1000);
    let frac = m - whole * 1000;
    this.digits(whole);
    if (frac === 0) return;
    this.bytes[this.length++] = DOT;
    let place = 100;
    while (frac > 0) {
      const d = Math.floor(frac / place);
      this.bytes[this.length++] = ZERO + d;
      frac -= d * place;
      place /= 10;
    }
  }

  /** Writes a non-negative integer in decimal. */
  private digits(n: number): void {
    let place = 1;
    while (place * 10 <= n) place *= 10;
    for (; place >= 1; place /= 10) {
      const d = Math.floor(n / place);
      this.bytes[this.length++] = ZERO + d;
      n -= d * place;
    }
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + extra, 2 * this.bytes.length));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
