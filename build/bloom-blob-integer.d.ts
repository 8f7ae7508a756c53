export class Integer {
  static fromString(text: string): Integer;
  compare(other: Integer): number;
}
