import { gunzipSync, gzipSync } from "node:zlib";

/**
 * The files of a Pagefind index (`pagefind.*.pf_meta`, `index/*.pf_index`,
 * `filter/*.pf_filter`) as Pagefind 1.6 writes them: gzip around a `pagefind_dcd` signature and
 * one CBOR value made only of unsigned and negative integers, text strings and arrays
 * (minicbor's encoding of Rust structs as arrays of their fields). This reads and writes
 * exactly that subset, and refuses anything else: another Pagefind version may change the
 * format, and a merged index the browser cannot read must fail the build, not the reader.
 */
export type CborValue = number | string | CborValue[];

const SIGNATURE = Buffer.from("pagefind_dcd");

const UNSIGNED = 0;
const NEGATIVE = 1;
const TEXT = 3;
const ARRAY = 4;

/** The CBOR inside a Pagefind index file (gzip-compressed, as written in the bundle), signature checked. */
export function openPagefindFile(compressed: Uint8Array, name: string): CborReader {
  const bytes = gunzipSync(compressed);
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${name}: not a Pagefind index file (no pagefind_dcd signature)`);
  return new CborReader(bytes, SIGNATURE.length, name);
}

/** The value inside a Pagefind index file, whole. */
export function readPagefindFile(compressed: Uint8Array, name: string): CborValue {
  const reader = openPagefindFile(compressed, name);
  const value = reader.value();
  reader.end();
  return value;
}

/**
 * A Pagefind index file of the CBOR written so far, compressed at zlib's level 5: on the word
 * index chunks of 300 articles, 46 ms and 0.6 % larger than Pagefind's own files, where level
 * 6 takes 69 ms for their size and level 9 160 ms for 0.7 % less (Pagefind compresses at its
 * "best", which here is no smaller than zlib's 6).
 */
export function pagefindFile(content: CborWriter | Buffer): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, content instanceof CborWriter ? content.bytes() : content]), { level: 5 });
}

/** Reads CBOR items one at a time, without building them (a merge copies most of an index as bytes). */
export class CborReader {
  at: number;

  constructor(
    readonly buffer: Buffer,
    at: number,
    readonly name: string,
  ) {
    this.at = at;
  }

  /** The next item's major type and argument (its value, length or count). */
  head(): { major: number; argument: number } {
    const initial = this.buffer[this.at];
    if (initial === undefined) throw new Error(`${this.name}: the index ends early`);
    this.at++;
    const major = initial >> 5;
    if (major !== UNSIGNED && major !== NEGATIVE && major !== TEXT && major !== ARRAY) {
      throw new Error(`${this.name}: CBOR major type ${major} at byte ${this.at - 1}, which Pagefind 1.6 does not write (is this another Pagefind version?)`);
    }
    return { major, argument: this.argument(initial & 0x1f) };
  }

  /** The number of items of the array that comes next. */
  array(): number {
    const at = this.at;
    const { major, argument } = this.head();
    if (major !== ARRAY) throw new Error(`${this.name}: an array expected at byte ${at}`);
    return argument;
  }

  integer(): number {
    const at = this.at;
    const { major, argument } = this.head();
    if (major === UNSIGNED) return argument;
    if (major === NEGATIVE) return -1 - argument;
    throw new Error(`${this.name}: an integer expected at byte ${at}`);
  }

  text(): string {
    const at = this.at;
    const { major, argument } = this.head();
    if (major !== TEXT) throw new Error(`${this.name}: a text expected at byte ${at}`);
    const end = this.at + argument;
    if (end > this.buffer.length) throw new Error(`${this.name}: a text runs past the end of the file`);
    const text = this.buffer.toString("utf8", this.at, end);
    this.at = end;
    return text;
  }

  /** Passes over the next item; returns its count when it is an array (else 0). */
  skip(): number {
    const { major, argument } = this.head();
    if (major === TEXT) this.at += argument;
    else if (major === ARRAY) for (let i = 0; i < argument; i++) this.skip();
    return major === ARRAY ? argument : 0;
  }

  value(): CborValue {
    const start = this.at;
    const { major, argument } = this.head();
    if (major === UNSIGNED) return argument;
    if (major === NEGATIVE) return -1 - argument;
    if (major === TEXT) {
      this.at = start;
      return this.text();
    }
    const items: CborValue[] = new Array(argument);
    for (let i = 0; i < argument; i++) items[i] = this.value();
    return items;
  }

  /** Checks that nothing follows the value read. */
  end(): void {
    if (this.at !== this.buffer.length) throw new Error(`${this.name}: data after the index value (the last ${this.buffer.length - this.at} of ${this.buffer.length} bytes)`);
  }

  private argument(info: number): number {
    if (info < 24) return info;
    const { buffer, at } = this;
    switch (info) {
      case 24:
        this.at += 1;
        return buffer.readUInt8(at);
      case 25:
        this.at += 2;
        return buffer.readUInt16BE(at);
      case 26:
        this.at += 4;
        return buffer.readUInt32BE(at);
      case 27: {
        this.at += 8;
        const value = buffer.readBigUInt64BE(at);
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${this.name}: an integer too large at byte ${at}`);
        return Number(value);
      }
      default:
        throw new Error(`${this.name}: an indefinite or reserved CBOR length at byte ${at - 1}, which Pagefind 1.6 does not write`);
    }
  }
}

/** Writes CBOR as minicbor does: every head as short as its argument allows. */
export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private head(major: number, argument: number): this {
    this.reserve(9);
    const { buffer, at } = this;
    const type = major << 5;
    if (argument < 24) {
      buffer[at] = type | argument;
      this.at += 1;
    } else if (argument < 0x100) {
      buffer[at] = type | 24;
      buffer[at + 1] = argument;
      this.at += 2;
    } else if (argument < 0x10000) {
      buffer[at] = type | 25;
      buffer.writeUInt16BE(argument, at + 1);
      this.at += 3;
    } else if (argument < 0x100000000) {
      buffer[at] = type | 26;
      buffer.writeUInt32BE(argument, at + 1);
      this.at += 5;
    } else {
      buffer[at] = type | 27;
      buffer.writeBigUInt64BE(BigInt(argument), at + 1);
      this.at += 9;
    }
    return this;
  }

  array(count: number): this {
    return this.head(ARRAY, count);
  }

  integer(value: number): this {
    if (!Number.isSafeInteger(value)) throw new Error(`a Pagefind index holds only integers, not ${value}`);
    return value >= 0 ? this.head(UNSIGNED, value) : this.head(NEGATIVE, -1 - value);
  }

  text(value: string): this {
    const length = Buffer.byteLength(value, "utf8");
    this.head(TEXT, length);
    this.reserve(length);
    this.at += this.buffer.write(value, this.at, "utf8");
    return this;
  }

  /** Bytes already encoded elsewhere, copied as they are. */
  raw(source: Buffer, start: number, end: number): this {
    this.reserve(end - start);
    this.at += source.copy(this.buffer, this.at, start, end);
    return this;
  }

  value(value: CborValue): this {
    if (typeof value === "number") return this.integer(value);
    if (typeof value === "string") return this.text(value);
    this.array(value.length);
    for (const item of value) this.value(item);
    return this;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.at;
  }

  private reserve(size: number): void {
    if (this.at + size <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + size));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
}
