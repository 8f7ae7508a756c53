// Build-time stand-in for `@firebase/webchannel-wrapper/bloom-blob` in the widget's bundle.
// firestore/lite imports only its `Integer`, to order numeric document ids ("__id123__") by
// value when it compares paths. That closure-compiled module is about 4 KB gzip; BigInt does the
// same comparison here. (The full SDK, which also needs its bloom filter, is not bundled.)
export class Integer {
  constructor(value) {
    this.value = value;
  }

  static fromString(text) {
    return new Integer(BigInt(text));
  }

  compare(other) {
    return this.value < other.value ? -1 : this.value > other.value ? 1 : 0;
  }
}
