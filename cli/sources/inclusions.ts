/** What an import brings in beyond approved and waiting comments, when asked (--include-…). */
export interface Inclusions {
  /** Comments marked as spam, imported hidden. */
  spam: boolean;
  /** Trashed (WordPress) or deleted (Disqus) comments, imported hidden. */
  trash: boolean;
  /** Pingbacks and trackbacks (WordPress), imported like comments by their site. */
  pingbacks: boolean;
}
